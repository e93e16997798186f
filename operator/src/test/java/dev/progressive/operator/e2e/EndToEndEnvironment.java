package dev.progressive.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.Crds;
import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.agent.AgentDeployment;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.RemediationPlaybook;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.cli.Manifests;
import dev.progressive.operator.cluster.PrometheusSnapshots;
import dev.progressive.operator.common.Closer;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.dev.ClusterStandIns;
import dev.progressive.operator.dev.DevCluster;
import dev.progressive.operator.dev.LocalAgentProcesses;
import dev.progressive.operator.dev.LocalMonitoring;
import dev.progressive.operator.dev.RuntimeLauncher;
import dev.progressive.operator.dev.SystemTool;
import dev.progressive.operator.intake.AlertIntake;
import dev.progressive.operator.intake.IntakeSettings;
import dev.progressive.operator.remediation.RemediationSettings;
import dev.progressive.operator.server.OperatorHttpServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything of the end-to-end test but the test: the embedded API (the one thing not real), the
 * operator with its webhook, the sample agents as local agent-runtime processes, the default playbooks
 * with short waits, and Debian's Prometheus and Alertmanager. Closing it stops every process it started.
 */
final class EndToEndEnvironment implements AutoCloseable {
  static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
  static final String NAMESPACE = "progressive-framework-v5";
  /** Nine JVMs starting at once on two shared cores take their time. */
  static final Duration STARTUP = Duration.ofMinutes(3);

  private final Closer started = new Closer();
  final DevCluster cluster;
  final KubernetesClient client;
  final LocalAgentProcesses processes;
  final LocalMonitoring monitoring;

  EndToEndEnvironment(Path workDirectory) throws IOException {
    this(workDirectory, PrometheusSnapshots.INTERVAL, EndToEndEnvironment::applySamplesAndPlaybooks);
  }

  /** What a test runs: it applies its resources and says how many agents must be Ready before Prometheus starts. */
  interface Workload {
    int apply(KubernetesClient client) throws IOException;
  }

  /** @param prometheusReads how often the operator reads Prometheus for the agents' status */
  EndToEndEnvironment(Path workDirectory, Duration prometheusReads, Workload workload) throws IOException {
    // Before anything starts: a missing tool fails the test at once, naming the package.
    SystemTool.require("prometheus", "prometheus");
    SystemTool.require("prometheus-alertmanager", "prometheus-alertmanager");
    var runtime = new RuntimeLauncher(runtimeJar(), workDirectory.resolve("pods"));
    try {
      cluster = started.add(DevCluster.start());
      client = cluster.client();
      Crds.load().forEach(crd -> client.resource(crd).create());
      processes = started.add(ClusterStandIns.on(client)
          .withLocalAgents(runtime, workDirectory, AgentDeployment.labelsOfEveryAgentPod()).start())
          .localAgents().orElseThrow();
      var tokenFile = Files.writeString(workDirectory.resolve("webhook-token"), UUID.randomUUID().toString());
      var prometheus = LocalMonitoring.prometheusAddress();
      var webhook = startOperator(tokenFile, prometheus, prometheusReads);
      client.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build()).create();
      int agents = workload.apply(client);
      await("every agent Ready").atMost(STARTUP).until(() -> agentsReady(agents));
      // Only now: a Prometheus watching the start-up would see agents that are not ready yet.
      monitoring = started.add(LocalMonitoring.start(client, processes.services(), prometheus, webhook, tokenFile, workDirectory,
          ProgressiveOperator.generatedRules()));
    } catch (RuntimeException | IOException | Error e) {
      close();
      throw e;
    }
  }

  /** Built by the reactor before the operator's tests run (see operator/pom.xml). */
  private static Path runtimeJar() {
    var jar = Path.of(System.getProperty("agent.runtime.jar", ROOT.resolve("agent-runtime/target/agent-runtime.jar").toString()));
    assertThat(jar).as("the agent runtime jar; build it first: bin/mvn -B -ntp -pl agent-runtime package").isRegularFile();
    return jar;
  }

  /** The operator as `dev --with-prometheus` runs it: diagnostics query the local Prometheus. */
  private URI startOperator(Path tokenFile, URI prometheus, Duration prometheusReads) {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var intake = AlertIntake.create(client, registry,
        new IntakeSettings(Optional.of(tokenFile), "default", IntakeSettings.DEFAULT_BODY_LIMIT_BYTES));
    var settings = ProgressiveOperator.Settings.embedded()
        .withRemediation(RemediationSettings.defaults().withPrometheus(Optional.of(prometheus)))
        .withPrometheusReads(prometheusReads);
    Operator operator = ProgressiveOperator.create(client, registry, settings);
    var http = OperatorHttpServer.start("127.0.0.1", 0, operator, registry, intake);
    started.add(http);
    started.add((AutoCloseable) operator::stop);
    operator.start();
    return URI.create("http://127.0.0.1:" + http.port() + AlertIntake.PATH);
  }

  /** The five sample agents and the default playbooks, whose waits shrink from minutes to seconds. */
  private static int applySamplesAndPlaybooks(KubernetesClient client) throws IOException {
    for (var document : Manifests.read(ROOT.resolve("samples"))) {
      if ("ProgressiveAgent".equals(document.kind())) {
        var agent = Manifests.convert(document, ProgressiveAgent.class);
        agent.getMetadata().setNamespace(NAMESPACE);
        client.resource(agent).create();
      }
    }
    for (var document : Manifests.read(ROOT.resolve("incident-playbooks"))) {
      var playbook = Manifests.convert(document, RemediationPlaybook.class);
      playbook.getMetadata().setNamespace(NAMESPACE);
      playbook.getSpec().getSteps().stream().filter(s -> s.getAction() == StepAction.VERIFY).forEach(s -> {
        s.setAfter("5s");
        s.setTimeout("2m");
      });
      playbook.getSpec().getGuardrails().setRevertAfter("5s");
      client.resource(playbook).create();
    }
    return 5;
  }

  private boolean agentsReady(int count) {
    var agents = client.resources(ProgressiveAgent.class).inNamespace(NAMESPACE).list().getItems();
    return agents.size() == count && agents.stream()
        .allMatch(a -> a.getStatus() != null && Conditions.isTrue(a.getStatus().getConditions(), Conditions.READY));
  }

  /** Stops everything in the reverse order of its start, each even when another fails to stop. */
  @Override
  public void close() {
    started.close();
  }
}

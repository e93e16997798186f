package dev.progressive.operator.cli;

import dev.progressive.operator.Crds;
import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.agent.AgentDeployment;
import dev.progressive.operator.common.Closer;
import dev.progressive.operator.dev.ClusterStandIns;
import dev.progressive.operator.dev.DevCluster;
import dev.progressive.operator.dev.LocalMonitoring;
import dev.progressive.operator.dev.RuntimeLauncher;
import dev.progressive.operator.intake.IntakeSettings;
import dev.progressive.operator.remediation.RemediationSettings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = "Start an embedded Kubernetes API on 127.0.0.1, install the CRDs, apply the samples and"
        + " run the operator against it, until interrupted. No cluster needed.")
final class DevCommand implements Callable<Integer> {
  /** Where the samples live; playbooks without a namespace go there too, to act on them. */
  static final String SAMPLES_NAMESPACE = "progressive-framework-v5";

  @Spec CommandSpec spec;

  @Option(names = "--kubeconfig", defaultValue = ".dev/kubeconfig",
      description = "Where to write the kubeconfig for kubectl (default: ${DEFAULT-VALUE}).")
  Path kubeconfig;

  @Option(names = "--samples", defaultValue = "samples",
      description = "A file or directory of resources to apply at start (default: ${DEFAULT-VALUE}).")
  Path samples;

  @Option(names = "--playbooks", defaultValue = "incident-playbooks",
      description = "RemediationPlaybooks to apply at start, into the samples' namespace (default: ${DEFAULT-VALUE}).")
  Path playbooks;

  @Option(names = "--no-samples", description = "Start with an empty cluster.")
  boolean noSamples;

  @Option(names = "--http-port", defaultValue = "8080",
      description = "Port of the operator's /healthz, /readyz and /metrics (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--with-runtime",
      description = "Run each agent's replicas as local agent-runtime processes on 127.0.0.1, with fault"
          + " injection on, instead of only reporting them ready.")
  boolean withRuntime;

  @Option(names = "--runtime-jar", defaultValue = "agent-runtime/target/agent-runtime.jar",
      description = "The agent runtime for --with-runtime (default: ${DEFAULT-VALUE}).")
  Path runtimeJar;

  @Option(names = "--with-prometheus",
      description = "With --with-runtime: also run Prometheus and Alertmanager (Debian packages prometheus and"
          + " prometheus-alertmanager) on the local agents, with the operator's alert rules and its webhook; the operator"
          + " checks with that Prometheus that the agents are scraped and their rules loaded.")
  boolean withPrometheus;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (withPrometheus && !withRuntime) {
      throw new ParameterException(spec.commandLine(), "--with-prometheus needs --with-runtime: it scrapes the local agents");
    }
    var out = spec.commandLine().getOut();
    var parts = new Closer();
    try {
      start(parts, out);
    } catch (Throwable failure) {
      parts.close();
      throw failure;
    }
    out.println("Press Ctrl-C to stop.");
    out.flush();
    RunningOperator.runUntilShutdown(parts);
    return 0;
  }

  /** Starts the cluster, its stand-ins, the operator and what the options ask for, each into {@code parts}. */
  private void start(Closer parts, PrintWriter out) throws IOException {
    // First: a missing runtime jar stops the start before anything runs.
    var runtime = runtime();
    var cluster = parts.add(DevCluster.start());
    var client = cluster.client();
    Crds.load().forEach(crd -> client.resource(crd).create());
    var workDirectory = Files.createDirectories(kubeconfig.toAbsolutePath().getParent());
    var standIns = ClusterStandIns.on(client);
    runtime.ifPresent(launcher -> standIns.withLocalAgents(launcher, workDirectory, AgentDeployment.labelsOfEveryAgentPod()));
    var localAgents = parts.add(standIns.start()).localAgents();
    var kubeconfigPath = cluster.writeKubeconfig(kubeconfig).toAbsolutePath();
    var tokenFile = writeWebhookToken(kubeconfigPath.resolveSibling("webhook-token"));
    var prometheus = withPrometheus ? Optional.of(LocalMonitoring.prometheusAddress()) : Optional.<URI>empty();
    var running = parts.add(startOperator(client, tokenFile, prometheus));
    int applied = noSamples ? 0 : apply(client, samples, out) + apply(client, playbooks, out);
    printWelcome(out, cluster, kubeconfigPath, running.httpPort(), applied);
    printWebhookExample(out, tokenFile, running.httpPort());
    var webhook = URI.create("http://127.0.0.1:" + running.httpPort() + "/alertmanager/webhook");
    localAgents.flatMap(agents -> LocalRuntimeWelcome.start(out, client, agents, prometheus, webhook, tokenFile))
        .ifPresent(parts::add);
  }

  private Optional<RuntimeLauncher> runtime() {
    return withRuntime ? Optional.of(new RuntimeLauncher(runtimeJar, kubeconfig.toAbsolutePath().resolveSibling("pods")))
        : Optional.empty();
  }

  private RunningOperator startOperator(KubernetesClient client, Path tokenFile, Optional<URI> prometheus) {
    var intake = new IntakeSettings(Optional.of(tokenFile), "default", IntakeSettings.DEFAULT_BODY_LIMIT_BYTES);
    var settings = ProgressiveOperator.Settings.embedded().withRemediation(RemediationSettings.defaults().withPrometheus(prometheus));
    return RunningOperator.start(client, settings, intake, "127.0.0.1", httpPort);
  }

  /** A new token each start, readable by the owner only: a leaked one from an earlier run is worthless. */
  private static Path writeWebhookToken(Path file) throws IOException {
    var bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    Files.deleteIfExists(file);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  private static int apply(KubernetesClient client, Path path, PrintWriter out) throws IOException {
    if (!Files.exists(path)) {
      out.printf("No %s here: starting without samples (use --samples <dir>).%n", path);
      return 0;
    }
    var documents = Manifests.read(path);
    for (var document : documents) {
      var resource = Manifests.convert(document, GenericKubernetesResource.class);
      if (resource.getMetadata().getNamespace() == null && !"Namespace".equals(resource.getKind())) {
        resource.getMetadata().setNamespace(SAMPLES_NAMESPACE);
      }
      client.resource(resource).createOr(NonDeletingOperation::update);
    }
    return documents.size();
  }

  private static void printWelcome(PrintWriter out, DevCluster cluster, Path kubeconfig, int httpPort, int applied) {
    out.printf("""

        Progressive Operator is running against an embedded Kubernetes API (%d resources applied).
          API server:  %s
          kubeconfig:  %s
          operator:    http://127.0.0.1:%d/healthz  /readyz  /metrics  /alertmanager/webhook

        Try, in another terminal:
          export KUBECONFIG=%s
          kubectl get progressiveagents -n progressive-framework-v5
          kubectl wait --for=condition=Ready pa --all -n progressive-framework-v5 --timeout=60s
          kubectl get deployments,services -n progressive-framework-v5
          kubectl apply -f my-agent.yaml
          kubectl explain progressiveagent.spec

        The embedded API validates custom resources against their CRDs as a real API server does; it has
        no RBAC, no server-side apply and no admission webhooks (README: "kubectl against the dev cluster").
        """, applied, cluster.url(), kubeconfig, httpPort, kubeconfig);
    out.flush();
  }

  private static void printWebhookExample(PrintWriter out, Path tokenFile, int httpPort) {
    out.printf("""

        Post a test alert as Alertmanager would (the token is in %1$s), then list the Incidents:
          curl -sS -H "Authorization: Bearer $(cat %1$s)" -H 'Content-Type: application/json' \\
            -d '{"version":"4","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"MCAAgentDown","severity":"critical","namespace":"progressive-framework-v5","agent_type":"mca"},"annotations":{"summary":"MCA is down"},"startsAt":"%3$s","fingerprint":"0123456789abcdef"}]}' \\
            http://127.0.0.1:%2$d/alertmanager/webhook
          kubectl get incidents -n progressive-framework-v5

        """, tokenFile, httpPort, Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }
}

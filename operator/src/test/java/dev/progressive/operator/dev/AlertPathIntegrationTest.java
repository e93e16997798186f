package dev.progressive.operator.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.Crds;
import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cli.Manifests;
import dev.progressive.operator.common.Closer;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.intake.AlertIntake;
import dev.progressive.operator.intake.IntakeSettings;
import dev.progressive.operator.server.OperatorHttpServer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heartbeat through Debian's real Prometheus and Alertmanager to the operator's intake: AlertPath
 * turns True, False with a Warning Event when Alertmanager stops, and True again when it is back.
 */
class AlertPathIntegrationTest {
  private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
  private static final String NAMESPACE = "alert-path";
  /** The stack's heartbeat interval; the local Alertmanager delivers the heartbeat every second, well within it. */
  private static final Duration INTERVAL = Duration.ofSeconds(2);
  /** Three intervals, the reconcile that notices them, and the intake's throttle. */
  private static final Duration NOTICED = INTERVAL.multipliedBy(3 + 1 + 1).plusSeconds(2);
  /** Processes starting on two shared cores, Prometheus' first evaluation and Alertmanager's first flush. */
  private static final Duration DELIVERED = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void alertPathFollowsTheHeartbeatThroughRealPrometheusAndAlertmanager() throws IOException {
    SystemTool.require("prometheus", "prometheus");
    SystemTool.require("prometheus-alertmanager", "prometheus-alertmanager");
    try (var started = new Closer()) {
      var cluster = started.add(DevCluster.start());
      var client = cluster.client();
      Crds.load().forEach(crd -> client.resource(crd).create());
      client.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build()).create();
      var tokenFile = Files.writeString(dir.resolve("webhook-token"), UUID.randomUUID().toString());
      var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      var webhook = startOperator(started, client, registry, tokenFile);
      var stack = client.resource(sampleStack()).create();

      var services = started.add(new LocalServices(client));
      var alertmanagerDirectory = dir.resolve("alertmanager");
      var alertmanager = started.add(LocalAlertmanager.start(alertmanagerDirectory, webhook, tokenFile));
      var rules = LocalAlertRules.yaml(List.of(), List.of(stack), ProgressiveOperator.generatedRules());
      started.add(LocalPrometheus.start(dir.resolve("prometheus"), LocalMonitoring.prometheusAddress(), rules,
          alertmanager.url(), services));

      await("AlertPath True").atMost(DELIVERED).until(() -> reason(client).equals(Optional.of("HeartbeatReceived")));
      assertThat(alertPathUp(registry)).isEqualTo(1);

      alertmanager.close();
      await("AlertPath False within three intervals").atMost(NOTICED).until(() -> reason(client).equals(Optional.of("NoHeartbeat")));
      assertThat(alertPath(client).orElseThrow().getMessage()).contains("remediation is blind");
      assertThat(alertPathUp(registry)).isZero();
      await("a Warning Event").atMost(Duration.ofSeconds(10)).until(() -> client.v1().events().inNamespace(NAMESPACE).list()
          .getItems().stream().anyMatch(e -> "Warning".equals(e.getType()) && "NoHeartbeat".equals(e.getReason())
              && e.getMessage().contains("remediation is blind")));

      started.add(LocalAlertmanager.start(alertmanagerDirectory, webhook, tokenFile, alertmanager.url()));
      await("AlertPath True again").atMost(DELIVERED).until(() -> reason(client).equals(Optional.of("HeartbeatReceived")));
      assertThat(alertPathUp(registry)).isEqualTo(1);

      client.resource(stack).delete();
      await("a deleted stack's gauge reads NaN").atMost(Duration.ofSeconds(10)).until(() -> Double.isNaN(alertPathUp(registry)));
    }
  }

  private static URI startOperator(Closer started, KubernetesClient client, PrometheusMeterRegistry registry, Path tokenFile) {
    var intake = AlertIntake.create(client, registry,
        new IntakeSettings(Optional.of(tokenFile), "default", IntakeSettings.DEFAULT_BODY_LIMIT_BYTES));
    var operator = ProgressiveOperator.create(client, registry, ProgressiveOperator.Settings.embedded());
    var http = started.add(OperatorHttpServer.start("127.0.0.1", 0, operator, registry, intake));
    started.add((AutoCloseable) operator::stop);
    operator.start();
    return URI.create("http://127.0.0.1:" + http.port() + AlertIntake.PATH);
  }

  private static ObservabilityStack sampleStack() throws IOException {
    var document = Manifests.read(ROOT.resolve("samples")).stream().filter(d -> "ObservabilityStack".equals(d.kind()))
        .findFirst().orElseThrow();
    var stack = Manifests.convert(document, ObservabilityStack.class);
    stack.getMetadata().setNamespace(NAMESPACE);
    stack.getSpec().getAlerting().setHeartbeatInterval(INTERVAL.toSeconds() + "s");
    return stack;
  }

  private static Optional<Condition> alertPath(KubernetesClient client) {
    var stacks = client.resources(ObservabilityStack.class).inNamespace(NAMESPACE).list().getItems();
    return stacks.stream().findFirst().map(ObservabilityStack::getStatus)
        .flatMap(status -> Conditions.find(status.getConditions(), "AlertPath"));
  }

  private static Optional<String> reason(KubernetesClient client) {
    return alertPath(client).map(Condition::getReason);
  }

  private static double alertPathUp(PrometheusMeterRegistry registry) {
    return registry.get("progressive.alert.path.up").tag("namespace", NAMESPACE).gauge().value();
  }
}

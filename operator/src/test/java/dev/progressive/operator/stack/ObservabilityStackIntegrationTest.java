package dev.progressive.operator.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.OperatorHarness;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cli.Manifests;
import dev.progressive.operator.cluster.AlertmanagerConfig;
import dev.progressive.operator.cluster.PrometheusRule;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The samples' stack and agents, with the Secrets the stack references, on a cluster with prometheus-operator's CRDs. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityStackIntegrationTest {
  private static final String NS = "progressive-framework-v5";
  private static final Path SAMPLES = Path.of(System.getProperty("project.root", ".."), "samples");
  private static OperatorHarness harness;
  private static KubernetesClient client;

  @BeforeAll
  static void applySamplesOnAClusterWithMonitoringApis() throws Exception {
    harness = OperatorHarness.startWithMonitoringApis();
    client = harness.client();
    SampleStack.createSecrets(client, NS);
    for (var document : Manifests.read(SAMPLES)) {
      switch (document.kind()) {
        case "ObservabilityStack" -> client.resource(Manifests.convert(document, ObservabilityStack.class)).create();
        case "ProgressiveAgent" -> client.resource(Manifests.convert(document, ProgressiveAgent.class)).create();
        default -> { }
      }
    }
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  @Order(1)
  void theStackCreatesEveryComponentAndReportsEachReady() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var conditions = stack().getStatus().getConditions();
      assertThat(condition(conditions, Conditions.READY).getStatus()).as("%s", conditions).isEqualTo("True");
      for (var component : List.of(StackStatus.RULES, StackStatus.ALERTING, StackStatus.SECRETS_RESOLVED, StackStatus.DASHBOARDS,
          StackStatus.LOGGING, StackStatus.TRACING)) {
        assertThat(condition(conditions, component).getStatus()).as(component).isEqualTo("True");
      }
    });
    var rule = client.resources(PrometheusRule.class).inNamespace(NS).withName("observability-system").get();
    assertThat(rule.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
    var routing = client.resources(AlertmanagerConfig.class).inNamespace(NS).withName("observability").get();
    assertThat(routing.<String>get("spec", "route", "routes", 0, "receiver")).isEqualTo("progressive-remediation");
    assertThat(client.configMaps().inNamespace(NS).withName("observability-dashboards").get().getData()).hasSize(3);
    assertThat(client.configMaps().inNamespace(NS).withName("observability-datasources").get().getMetadata().getLabels())
        .containsEntry("grafana_datasource", "1");
    assertThat(client.services().inNamespace(NS).withName("observability-jaeger").get().getSpec().getPorts())
        .extracting(p -> p.getPort()).containsExactly(4317, 4318, 16686);
  }

  @Test
  @Order(2)
  void agentsWithoutAnEndpointOfTheirOwnExportToTheStacksJaeger() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(client.apps().deployments().inNamespace(NS).withName("npa").get()
            .getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
            .contains(new EnvVar("OTEL_EXPORTER_OTLP_ENDPOINT", "http://observability-jaeger." + NS + ".svc:4318", null)));
  }

  @Test
  @Order(3)
  void deletingTheStackRemovesWhatItCreated() {
    client.resource(stack()).delete();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(client.resources(PrometheusRule.class).inNamespace(NS).withName("observability-system").get()).isNull();
      assertThat(client.resources(AlertmanagerConfig.class).inNamespace(NS).withName("observability").get()).isNull();
      assertThat(client.configMaps().inNamespace(NS).withName("observability-dashboards").get()).isNull();
      assertThat(client.configMaps().inNamespace(NS).withName("observability-datasources").get()).isNull();
      assertThat(client.apps().deployments().inNamespace(NS).withName("observability-jaeger").get()).isNull();
      assertThat(client.services().inNamespace(NS).withName("observability-jaeger").get()).isNull();
    });
    assertThat(client.resources(PrometheusRule.class).inNamespace(NS).withName("npa").get()).isNotNull();
  }

  private static ObservabilityStack stack() {
    return client.resources(ObservabilityStack.class).inNamespace(NS).withName("observability").get();
  }

  private static Condition condition(List<Condition> conditions, String type) {
    return Conditions.find(conditions, type).orElseGet(Condition::new);
  }
}

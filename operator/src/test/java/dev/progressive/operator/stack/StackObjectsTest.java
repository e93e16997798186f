package dev.progressive.operator.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.DashboardSettings.Delivery;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.TracingSettings.Backend;
import dev.progressive.operator.cli.Manifests;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.StackPreferences;
import dev.progressive.operator.cluster.StackTracing;
import dev.progressive.operator.common.RestrictedPodSecurityStandard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pure builders of a stack's objects, on the samples' stack. */
class StackObjectsTest {
  private static final Path SAMPLE = Path.of(System.getProperty("project.root", ".."), "samples", "observability-stack.yaml");
  private ObservabilityStack stack;

  @BeforeEach
  void readSample() throws IOException {
    stack = Manifests.convert(Manifests.read(SAMPLE).get(0), ObservabilityStack.class);
  }

  @Test
  void theSampleIsValid() {
    assertThat(StackValidation.validate(stack.getSpec())).isEmpty();
  }

  @Test
  void systemRulesHoldTheSeedGroupsAndTheNamespaceSloWithTheSelectorLabels() {
    var setup = MonitoringSetup.withEveryApi("progressive-framework-v5",
        Optional.of(StackPreferences.of(stack)));
    var rule = StackRules.desired(stack, setup);
    assertThat(rule.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
    assertThat(StackRules.rules(stack).toYaml()).contains("SystemAvailabilityBelow99_9", "PodRestartLoop", "ErrorBudgetBurn");
  }

  @Test
  void routingReferencesEverySecretAndSendsEveryAlertToTheOperatorFirst() {
    var spec = StackAlerting.desired(stack, MonitoringSetup.none("progressive-framework-v5")).<Map<String, Object>>get("spec");
    var json = new io.fabric8.kubernetes.client.utils.KubernetesSerialization().asJson(spec);
    assertThat(json).contains("\"name\":\"alertmanager-credentials\"", "\"key\":\"slack-webhook-url\"",
        "\"name\":\"remediation-webhook\"", "progressive-remediation");
    stack.getSpec().getRemediation().setEnabled(false);
    assertThat(StackAlerting.routing(stack).orElseThrow().remediation()).isNull();
  }

  @Test
  void dashboardsAreOneSidecarConfigMapOrThreeGrafanaDashboards() {
    assertThat(StackDashboards.configMap(stack).getData()).hasSize(3);
    assertThat(StackDashboards.configMap(stack).getMetadata().getAnnotations()).containsEntry("grafana_folder", "Progressive Framework");
    stack.getSpec().getDashboards().setDelivery(Delivery.GRAFANA_OPERATOR);
    assertThat(StackDashboards.grafanaDashboards(stack, Map.of("dashboards", "grafana")))
        .extracting(d -> d.getMetadata().getName())
        .containsExactlyInAnyOrder("observability-mca-performance", "observability-agent-health-overview", "observability-business-metrics");
  }

  @Test
  void lokiLinksTraceIdsToTheStacksJaegerOrToTheNamedDatasource() {
    var yaml = LokiDatasource.yaml(stack);
    assertThat(yaml).contains("type: \"loki\"", "http://loki.logging:3100", "datasourceUid: \"progressive-framework-v5-jaeger\"",
        "$${__value.raw}", "type: \"jaeger\"");
    stack.getSpec().getTracing().setBackend(Backend.EXTERNAL);
    stack.getSpec().getTracing().setEndpoint("http://collector:4318");
    assertThat(LokiDatasource.yaml(stack)).doesNotContain("derivedFields", "jaeger");
    stack.getSpec().getLogging().setTraceDatasourceUid("tempo");
    assertThat(LokiDatasource.yaml(stack)).contains("datasourceUid: \"tempo\"");
  }

  @Test
  void jaegerRunsRestrictedWithOtlpAndUiPorts() {
    var deployment = Jaeger.deployment(stack);
    assertThat(RestrictedPodSecurityStandard.violations(deployment.getSpec().getTemplate().getSpec())).isEmpty();
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts())
        .extracting(p -> p.getContainerPort()).containsExactly(4317, 4318, 16686);
    assertThat(StackTracing.endpoint(stack)).contains("http://observability-jaeger.progressive-framework-v5.svc:4318");
  }

  @Test
  void anExternalBackendNeedsAnEndpoint() {
    stack.getSpec().getTracing().setBackend(Backend.EXTERNAL);
    assertThat(StackValidation.validate(stack.getSpec())).extracting(v -> v.field()).containsExactly("spec.tracing.endpoint");
  }
}

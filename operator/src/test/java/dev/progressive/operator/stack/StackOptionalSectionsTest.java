package dev.progressive.operator.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.DashboardSettings.Delivery;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ObservabilityStackSpec;
import dev.progressive.operator.api.TracingSettings.Backend;
import dev.progressive.operator.api.TracingSettings;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.StackPreferences;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.common.SpecViolation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pure builders on stacks that leave sections out or give them as null. */
class StackOptionalSectionsTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final String NS = "team-a";

  @ParameterizedTest(name = "spec {0}")
  @ValueSource(strings = {"", "\"spec\": null,", "\"spec\": {},"})
  void noSpecOrAnEmptyOneIsTheDefaults(String spec) {
    var stack = parse(spec);
    assertThat(StackValidation.validate(stack.getSpec())).isEmpty();
    assertThat(kinds(StackChildren.desired(stack)))
        .containsExactly("PrometheusRule", "ConfigMap", "Deployment", "Service");
    assertThat(stack.getSpec().getTracing().getBackend()).isEqualTo(Backend.JAEGER);
  }

  @Test
  void nullSectionsAndFieldsKeepTheirDefaults() {
    var stack = parse("""
        "spec": {"prometheus": {"selectorLabels": null}, "alerting": null, "logging": null, "remediation": null,
                 "dashboards": {"delivery": null, "folder": null, "grafanaInstanceLabels": null},
                 "tracing": {"backend": null, "samplingRatio": null, "jaegerImage": null},
                 "sla": {"availability": null, "latencyP95": null}},""");
    var spec = stack.getSpec();
    assertThat(spec.getPrometheus().getSelectorLabels()).isEmpty();
    assertThat(spec.getDashboards().getDelivery()).isEqualTo(Delivery.SIDECAR);
    assertThat(spec.getDashboards().getFolder()).isEqualTo("Progressive Framework");
    assertThat(spec.getDashboards().getGrafanaInstanceLabels()).isEqualTo(Map.of("dashboards", "grafana"));
    assertThat(spec.getTracing().getBackend()).isEqualTo(Backend.JAEGER);
    assertThat(spec.getTracing().getSamplingRatio()).isEqualTo(0.1);
    assertThat(spec.getTracing().getJaegerImage()).isEqualTo(TracingSettings.DEFAULT_JAEGER_IMAGE);
    assertThat(spec.getSla().getAvailability()).isEqualTo(99.9);
    assertThat(spec.getSla().getLatencyP95()).isEqualTo(0.5);
    assertThat(StackValidation.validate(spec)).isEmpty();
  }

  @ParameterizedTest(name = "spec.{0}: null")
  @ValueSource(strings = {"prometheus", "alerting", "dashboards", "tracing", "logging", "sla", "remediation"})
  void aNullSectionIsLikeALeftOutOne(String section) {
    var stack = parse("\"spec\": {\"" + section + "\": null},");
    assertThat(JSON.asJson(stack.getSpec())).isEqualTo(JSON.asJson(new ObservabilityStackSpec()));
  }

  @Test
  void aRemediationWithoutEnabledIsEnabled() {
    var stack = SampleStack.in(NS);
    var json = JSON.asJson(stack).replace("\"enabled\":true", "\"enabled\":null");
    assertThat(StackAlerting.routing(JSON.unmarshal(json, ObservabilityStack.class)).orElseThrow().remediation()).isNotNull();
  }

  @ParameterizedTest(name = "without spec.{0}")
  @ValueSource(strings = {"prometheus", "alerting", "dashboards", "tracing", "logging", "sla", "remediation"})
  void theSampleWithoutOneSectionBuildsAndReportsEveryComponent(String section) {
    var stack = SampleStack.without(NS, section);
    assertThat(StackValidation.validate(stack.getSpec())).isEmpty();
    assertThat(StackChildren.desired(stack)).isNotEmpty();
    var setup = MonitoringSetup.withEveryApi(NS, Optional.of(StackPreferences.of(stack)));
    var status = StackStatus.desired(stack, new StackStatus.Observation(List.<SpecViolation>of(), setup, Optional.empty(), Map.of(),
        Optional.empty(), Optional.empty()));
    assertThat(status.getConditions()).extracting(c -> c.getType())
        .contains(Conditions.READY, StackStatus.RULES, StackStatus.ALERTING, StackStatus.SECRETS_RESOLVED, StackStatus.DASHBOARDS,
            StackStatus.LOGGING, StackStatus.TRACING);
  }

  @Test
  void withoutLoggingOrAlertingTheirConditionsSaySoAndNoObjectIsBuilt() {
    var stack = SampleStack.without(NS, "logging", "alerting");
    var setup = MonitoringSetup.withEveryApi(NS, Optional.empty());
    var status = StackStatus.desired(stack, new StackStatus.Observation(List.of(), setup, Optional.empty(), Map.of(), Optional.empty(), Optional.empty()));
    assertThat(Conditions.find(status.getConditions(), StackStatus.LOGGING).orElseThrow().getReason()).isEqualTo(StackStatus.NOT_CONFIGURED);
    assertThat(Conditions.find(status.getConditions(), StackStatus.ALERTING).orElseThrow().getReason()).isEqualTo(StackStatus.NOT_CONFIGURED);
    assertThat(kinds(StackChildren.desired(stack))).doesNotContain("AlertmanagerConfig")
        .containsOnlyOnce("ConfigMap");
  }

  private static ObservabilityStack parse(String spec) {
    return JSON.unmarshal("""
        {"apiVersion": "progressive.dev/v1alpha1", "kind": "ObservabilityStack", %s
         "metadata": {"name": "s", "namespace": "%s", "generation": 1}}""".formatted(spec, NS), ObservabilityStack.class);
  }

  private static List<String> kinds(List<HasMetadata> objects) {
    return objects.stream().map(HasMetadata::getKind).toList();
  }
}

package dev.progressive.operator.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.StackPreferences;
import dev.progressive.operator.common.SpecViolation;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Labels a stack gives its namespace's children are checked as Kubernetes checks labels, never copied when bad. */
class StackLabelValidationTest {
  private static final KubernetesSerialization CLIENT = new KubernetesSerialization();

  private static ObservabilityStack stack(String spec) {
    return CLIENT.unmarshal("""
        {"apiVersion":"progressive.dev/v1alpha1","kind":"ObservabilityStack","metadata":{"name":"observability","namespace":"n"},
         "spec":%s}""".formatted(spec), ObservabilityStack.class);
  }

  private static List<String> problems(String spec) {
    return StackValidation.validate(stack(spec)).stream().map(SpecViolation::toString).toList();
  }

  @Test
  void validSelectorLabelsPass() {
    assertThat(problems("{\"prometheus\":{\"selectorLabels\":{\"release\":\"kube-prometheus-stack\",\"example.com/team\":\"\"}}}"))
        .isEmpty();
  }

  @Test
  void aNullSelectorLabelIsRefusedByName() {
    // What the embedded API keeps of a merge patch {"spec":{"prometheus":{"selectorLabels":{"release":null}}}}.
    assertThat(problems("{\"prometheus\":{\"selectorLabels\":{\"team\":\"platform\",\"release\":null}}}"))
        .containsExactly("spec.prometheus.selectorLabels.release: must be a string; got null");
  }

  @Test
  void aNonStringSelectorLabelIsRefusedByName() {
    assertThat(problems("{\"prometheus\":{\"selectorLabels\":{\"release\":5}}}"))
        .singleElement().asString().startsWith("spec.prometheus.selectorLabels.release: ");
    assertThat(problems("{\"prometheus\":{\"selectorLabels\":{\"release\":{\"a\":\"b\"}}}}"))
        .singleElement().asString().startsWith("spec.prometheus.selectorLabels.release: ");
  }

  @Test
  void aSelectorLabelTheApiServerWouldRefuseIsRefusedByName() {
    assertThat(problems("{\"prometheus\":{\"selectorLabels\":{\"my team\":\"x\",\"release\":\"kube prometheus\"}}}"))
        .extracting(p -> p.substring(0, p.indexOf(':')))
        .containsExactly("spec.prometheus.selectorLabels.my team", "spec.prometheus.selectorLabels.release");
  }

  @Test
  void theGrafanaInstanceLabelsAreCheckedToo() {
    assertThat(problems("{\"dashboards\":{\"delivery\":\"grafana-operator\",\"grafanaInstanceLabels\":{\"dashboards\":null}}}"))
        .containsExactly("spec.dashboards.grafanaInstanceLabels.dashboards: must be a string; got null");
  }

  @Test
  void agentsOfTheNamespaceGetOnlyTheValidLabels() {
    var preferences = StackPreferences.of(stack("""
        {"prometheus":{"selectorLabels":{"team":"platform","release":null}},
         "dashboards":{"delivery":"grafana-operator","grafanaInstanceLabels":{"dashboards":"grafana","bad key":"x"}}}"""));
    assertThat(preferences.selectorLabels()).containsExactlyEntriesOf(Map.of("team", "platform"));
    assertThat(preferences.grafanaInstance()).hasValue(Map.of("dashboards", "grafana"));
  }
}

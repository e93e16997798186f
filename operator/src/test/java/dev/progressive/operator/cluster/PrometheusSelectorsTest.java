package dev.progressive.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.cluster.PrometheusSelectors.Target;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** prometheus-operator's selector semantics, as the Monitored condition relies on them. */
class PrometheusSelectorsTest {
  private static final Map<String, String> KPS = Map.of("release", "kps");

  @Test
  void aMissingObjectSelectorSelectsNothingAndAnEmptyOneEverything() {
    var none = prometheus(Map.of("serviceMonitorNamespaceSelector", Map.of()));
    var all = prometheus(Map.of("serviceMonitorSelector", Map.of(), "serviceMonitorNamespaceSelector", Map.of()));
    assertThat(none.selects(Target.SERVICE_MONITOR, "team-a", Optional.of(Map.of()), KPS)).isFalse();
    assertThat(all.selects(Target.SERVICE_MONITOR, "team-a", Optional.of(Map.of()), Map.of())).isTrue();
  }

  @Test
  void aMissingNamespaceSelectorMeansThePrometheusOwnNamespaceOnly() {
    var own = prometheus(Map.of("ruleSelector", Map.of("matchLabels", KPS)));
    assertThat(own.watches(Target.RULE, "monitoring", Optional.of(Map.of()))).isTrue();
    assertThat(own.watches(Target.RULE, "team-a", Optional.of(Map.of()))).isFalse();
  }

  @Test
  void namespaceSelectorsMatchNamespaceLabelsAndGiveUnreadableNamespacesTheBenefitOfTheDoubt() {
    var labelled = prometheus(Map.of("ruleSelector", Map.of("matchLabels", KPS),
        "ruleNamespaceSelector", Map.of("matchExpressions", List.of(Map.of("key", "team", "operator", "Exists")))));
    assertThat(labelled.selects(Target.RULE, "team-a", Optional.of(Map.of("team", "a")), KPS)).isTrue();
    assertThat(labelled.selects(Target.RULE, "team-a", Optional.of(Map.of()), KPS)).isFalse();
    assertThat(labelled.selects(Target.RULE, "team-a", Optional.empty(), KPS)).isTrue();
    assertThat(labelled.requiredLabels(Target.RULE)).isEqualTo(KPS);
  }

  @Test
  void onlyLabelsAnObjectCanCarryAreRequiredAndANullValueSelectsNothing() {
    var matchLabels = new LinkedHashMap<String, Object>(KPS);
    matchLabels.put("team", null);
    matchLabels.put("bad key", "x");
    matchLabels.put("tier", "not valid!");
    var prometheus = prometheus(Map.of("serviceMonitorSelector", Map.of("matchLabels", matchLabels),
        "serviceMonitorNamespaceSelector", Map.of()));
    assertThat(prometheus.requiredLabels(Target.SERVICE_MONITOR)).isEqualTo(KPS);
    assertThat(prometheus.selects(Target.SERVICE_MONITOR, "team-a", Optional.of(Map.of()), KPS)).isFalse();
  }

  @Test
  void labelSelectorOperators() {
    var selector = new LabelSelectorBuilder().addNewMatchExpression().withKey("tier").withOperator("NotIn").withValues("db").endMatchExpression()
        .addNewMatchExpression().withKey("legacy").withOperator("DoesNotExist").endMatchExpression().build();
    assertThat(LabelSelectors.matches(selector, Map.of("tier", "agents"))).isTrue();
    assertThat(LabelSelectors.matches(selector, Map.of("tier", "db"))).isFalse();
    assertThat(LabelSelectors.matches(selector, Map.of("legacy", "yes"))).isFalse();
  }

  private static PrometheusSelectors prometheus(Map<String, Object> spec) {
    var resource = OptionalApi.withSpec(new Prometheus(), "k8s", "monitoring", Map.of(), spec);
    return PrometheusSelectors.of(resource, new KubernetesSerialization());
  }
}

package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.AlertThresholds;
import dev.progressive.operator.api.Monitoring;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.Slo;
import dev.progressive.operator.api.Tracing;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.OptionalApi;
import dev.progressive.operator.cluster.PrometheusSelectors;
import dev.progressive.operator.cluster.StackPreferences;
import dev.progressive.operator.common.SpecViolation;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure builders of an agent's monitoring objects and its Monitored condition. */
class AgentMonitoringObjectsTest {
  private static final Map<String, String> KPS = Map.of("release", "kube-prometheus-stack");
  private final ProgressiveAgent agent = Agents.agent("npa", AgentType.NPA);
  private final MonitoringSetup stackSays = MonitoringSetup.withEveryApi("team-a",
      Optional.of(new StackPreferences("observability", KPS, Optional.empty())));

  @Test
  void theServiceMonitorScrapesTheServicesHttpPortWithTheJobLeftToTheServiceName() {
    agent.getSpec().setMonitoring(new Monitoring());
    agent.getSpec().getMonitoring().setScrapeInterval("15s");
    var serviceMonitor = AgentServiceMonitor.desired(agent, stackSays);
    assertThat(serviceMonitor.getMetadata().getLabels()).containsAllEntriesOf(KPS).containsEntry("app.kubernetes.io/instance", "npa");
    assertThat(serviceMonitor.<Map<String, String>>get("spec", "selector", "matchLabels"))
        .isEqualTo(AgentService.desired(agent).getSpec().getSelector().entrySet().stream()
            .filter(e -> !e.getKey().equals(AgentDeployment.SERVING_LABEL))
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    assertThat(serviceMonitor.<Map<String, Object>>get("spec", "endpoints", 0))
        .containsEntry("port", "http").containsEntry("path", "/metrics").containsEntry("interval", "15s")
        .containsEntry("relabelings", List.of(Map.of("sourceLabels", List.of("__meta_kubernetes_pod_label_progressive_dev_track"),
            "regex", "(.+)", "targetLabel", "track", "action", "replace")));
    assertThat(serviceMonitor.<Map<String, Object>>get("spec")).doesNotContainKey("jobLabel");
  }

  @Test
  void theRuleHoldsTheAgentsAlertsWithItsThresholdsAndItsSloWhenSet() {
    var monitoring = new Monitoring();
    var alerts = new AlertThresholds();
    alerts.setMemoryMiB(2048.0);
    monitoring.setAlerts(alerts);
    var slo = new Slo();
    slo.setAvailability(99.5);
    slo.setLatencyP95(0.25);
    monitoring.setSlo(slo);
    agent.getSpec().setMonitoring(monitoring);
    var yaml = AgentPrometheusRule.rules(agent).toYaml();
    assertThat(yaml).contains("AgentHighMemoryUsage", "2048", "ErrorBudgetBurn", "LatencyBudgetBurn", "team-a-npa");
    assertThat(AgentPrometheusRule.desired(agent, stackSays).getMetadata().getLabels()).containsAllEntriesOf(KPS);
    agent.getSpec().setMonitoring(null);
    assertThat(AgentPrometheusRule.rules(agent).groups()).hasSize(1);
  }

  @Test
  void theDashboardIsAGrafanaDashboardForGrafanaOperatorElseASidecarConfigMap() {
    var dashboard = AgentDashboard.grafanaDashboard(agent, Map.of("dashboards", "grafana"));
    assertThat(dashboard.<Map<String, String>>get("spec", "instanceSelector", "matchLabels")).containsEntry("dashboards", "grafana");
    assertThat(dashboard.<String>get("spec", "json")).contains("\"uid\"");
    var configMap = AgentDashboard.configMap(agent);
    assertThat(configMap.getMetadata().getName()).isEqualTo("npa-dashboard");
    assertThat(configMap.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    assertThat(configMap.getData()).containsOnlyKeys("npa.json");
  }

  @Test
  void monitoredSaysWhichFallbacksApplyWithoutTheApis() {
    var condition = MonitoredCondition.from(agent, MonitoringSetup.none("team-a"));
    assertThat(condition.getStatus()).isEqualTo("False");
    assertThat(condition.getReason()).isEqualTo(MonitoredCondition.REASON_FALLBACK);
    assertThat(condition.getMessage()).contains("ServiceMonitor (monitoring.coreos.com/v1)", "ConfigMap npa-dashboard");
  }

  @Test
  void monitoredNamesTheLabelsThatWouldGetTheObjectsSelected() {
    var prometheus = new PrometheusSelectors("monitoring", "k8s",
        new LabelSelectorBuilder().withMatchLabels(Map.of("release", "kps")).build(), new LabelSelectorBuilder().build(),
        new LabelSelectorBuilder().withMatchLabels(Map.of("release", "kps")).build(), new LabelSelectorBuilder().build());
    var setup = new MonitoringSetup("team-a", Set.of(OptionalApi.values()), KPS, KPS, Optional.empty(), Optional.empty(),
        Optional.of(List.of(prometheus)), Optional.of(Map.of()));
    var notSelected = MonitoredCondition.from(agent, setup);
    assertThat(notSelected.getReason()).isEqualTo(MonitoredCondition.REASON_NOT_SELECTED);
    assertThat(notSelected.getMessage()).contains("add the labels release=kps", "Prometheus monitoring/k8s");
    var matching = Map.of("release", "kps");
    var selected = MonitoredCondition.from(agent, new MonitoringSetup("team-a", Set.of(OptionalApi.values()), matching, matching,
        Optional.empty(), Optional.empty(), Optional.of(List.of(prometheus)), Optional.of(Map.of())));
    assertThat(selected.getReason()).isEqualTo(MonitoredCondition.REASON_SELECTED);
  }

  @Test
  void aStackFillsInOnlyTheTracingTheAgentLeavesOpen() {
    var stack = new dev.progressive.operator.api.ObservabilityStack();
    stack.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("obs").withNamespace("team-a").build());
    var tracing = new Tracing();
    tracing.setSamplingRatio(0.5);
    agent.getSpec().setTracing(tracing);
    var completed = StackDefaults.applied(agent, Optional.of(stack));
    assertThat(completed.getSpec().getTracing().getEndpoint()).isEqualTo("http://obs-jaeger.team-a.svc:4318");
    assertThat(completed.getSpec().getTracing().getSamplingRatio()).isEqualTo(0.5);
    assertThat(agent.getSpec().getTracing().getEndpoint()).as("the agent itself is untouched").isNull();
  }

  @Test
  void monitoringSpecsOutsideTheirRangesAreViolations() {
    var monitoring = new Monitoring();
    var slo = new Slo();
    slo.setAvailability(99.9);
    slo.setLatencyP95(0.3);
    monitoring.setSlo(slo);
    agent.getSpec().setMonitoring(monitoring);
    assertThat(SpecValidation.validate(agent.getSpec())).extracting(SpecViolation::field).containsExactly("spec.monitoring.slo.latencyP95");
  }
}

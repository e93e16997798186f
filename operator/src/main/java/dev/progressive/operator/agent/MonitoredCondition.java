package dev.progressive.operator.agent;

import static dev.progressive.operator.api.ProgressiveAgentStatus.MONITORED;
import static dev.progressive.operator.common.Conditions.of;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.OptionalApi;
import dev.progressive.operator.cluster.PrometheusSelectors.Target;
import dev.progressive.operator.cluster.PrometheusSelectors;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The agent's {@code Monitored} condition: which monitoring objects exist, which fallbacks apply,
 * and, where the operator can read the Prometheus resources, whether one of them picks the objects
 * up. A pure function of the agent and what the cluster offers.
 */
final class MonitoredCondition {
  static final String REASON_SELECTED = "Selected";
  static final String REASON_CREATED = "ObjectsCreated";
  static final String REASON_FALLBACK = "Fallback";
  static final String REASON_NOT_SELECTED = "NotSelected";

  private MonitoredCondition() {}

  static Condition from(ProgressiveAgent agent, MonitoringSetup setup) {
    var name = agent.getMetadata().getName();
    var fallbacks = new ArrayList<String>();
    if (!setup.has(OptionalApi.SERVICE_MONITOR)) {
      fallbacks.add("no " + OptionalApi.SERVICE_MONITOR.describe() + " API: Prometheus must find the pods by their"
          + " prometheus.io/scrape annotations");
    }
    if (!setup.has(OptionalApi.PROMETHEUS_RULE)) {
      fallbacks.add("no " + OptionalApi.PROMETHEUS_RULE.describe() + " API: the alert rules are not installed;"
          + " `render --plain-prometheus` writes them as rule files");
    }
    var dashboard = dashboard(agent, setup);
    if (!fallbacks.isEmpty()) {
      return of(MONITORED, false, REASON_FALLBACK, String.join("; ", fallbacks) + "; " + dashboard);
    }
    var created = "ServiceMonitor " + name + " and PrometheusRule " + name + " exist; " + dashboard;
    if (setup.prometheuses().filter(list -> !list.isEmpty()).isEmpty()) {
      return of(MONITORED, true, REASON_CREATED, created + "; no readable Prometheus resource confirms that they are selected");
    }
    var unselected = new ArrayList<String>();
    var selectors = new ArrayList<PrometheusSelectors>();
    for (var target : Target.values()) {
      var labels = AgentServiceMonitor.labels(agent,
          target == Target.SERVICE_MONITOR ? setup.serviceMonitorLabels() : setup.ruleLabels());
      var selecting = setup.selecting(target, labels);
      if (selecting.isEmpty()) {
        unselected.add(hint(target, name, setup));
      }
      selectors.addAll(selecting);
    }
    if (!unselected.isEmpty()) {
      return of(MONITORED, false, REASON_NOT_SELECTED, String.join("; ", unselected));
    }
    return of(MONITORED, true, REASON_SELECTED, created + "; selected by Prometheus "
        + selectors.stream().map(PrometheusSelectors::id).distinct().collect(Collectors.joining(", ")));
  }

  private static String dashboard(ProgressiveAgent agent, MonitoringSetup setup) {
    if (!AgentDashboard.enabled(agent)) {
      return "no dashboard (spec.monitoring.dashboard is false)";
    }
    return setup.grafanaInstance().isPresent()
        ? "dashboard in GrafanaDashboard " + agent.getMetadata().getName()
        : "dashboard in ConfigMap " + AgentDashboard.configMapName(agent) + " for the Grafana sidecar (grafana_dashboard: \"1\")";
  }

  /** Says what would get the object selected: the labels to add, or that no Prometheus looks in the namespace. */
  private static String hint(Target target, String name, MonitoringSetup setup) {
    var problem = "no Prometheus selects " + target.kind() + " " + name;
    var watching = setup.watching(target);
    if (watching.isEmpty()) {
      return problem + ": none looks in namespace " + setup.namespace() + " (their " + target.field()
          .replace("Selector", "NamespaceSelector") + ")";
    }
    var prometheus = watching.get();
    var required = prometheus.requiredLabels(target);
    var labels = required.isEmpty() ? "labels matching its " + target.field() : "the labels " + format(required);
    return problem + ": add " + labels + " (" + target.field() + " of Prometheus " + prometheus.id()
        + ") to spec.prometheus.selectorLabels of the namespace's ObservabilityStack";
  }

  private static String format(Map<String, String> labels) {
    return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(", "));
  }
}

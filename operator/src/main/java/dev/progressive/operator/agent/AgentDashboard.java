package dev.progressive.operator.agent;

import dev.progressive.operator.api.Monitoring;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentSpec;
import dev.progressive.operator.cluster.GrafanaDashboard;
import dev.progressive.operator.cluster.GrafanaObjects;
import dev.progressive.operator.monitoring.Dashboard;
import dev.progressive.operator.monitoring.Dashboards;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Desired dashboard of an agent: a GrafanaDashboard where grafana-operator serves, else a sidecar ConfigMap. */
public final class AgentDashboard {
  private AgentDashboard() {}

  public static boolean enabled(ProgressiveAgent agent) {
    return Optional.ofNullable(agent.getSpec()).map(ProgressiveAgentSpec::getMonitoring).map(Monitoring::getDashboard).orElse(true);
  }
  /** The dashboard goes to a GrafanaDashboard: the stack delivers through grafana-operator and its API is there. */
  static boolean asGrafanaDashboard(ProgressiveAgent agent, AgentPlan plan) {
    return enabled(agent) && plan.monitoring().grafanaInstance().isPresent();
  }


  static final String SUFFIX = "-dashboard";

  public static String configMapName(ProgressiveAgent agent) {
    return agent.getMetadata().getName() + SUFFIX;
  }

  public static ConfigMap configMap(ProgressiveAgent agent) {
    return GrafanaObjects.dashboardConfigMap(configMapName(agent), agent.getMetadata().getNamespace(),
        AgentLabels.standard(agent), List.of(dashboard(agent)), Optional.empty());
  }

  public static GrafanaDashboard grafanaDashboard(ProgressiveAgent agent, Map<String, String> grafanaInstance) {
    return GrafanaObjects.grafanaDashboard(agent.getMetadata().getName(), agent.getMetadata().getNamespace(),
        AgentLabels.standard(agent), dashboard(agent), grafanaInstance, Optional.empty());
  }

  private static Dashboard dashboard(ProgressiveAgent agent) {
    var meta = agent.getMetadata();
    return Dashboards.forAgent(meta.getNamespace(), meta.getName(), agent.getSpec().getAgentType().id());
  }
}

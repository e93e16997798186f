package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The agent's dashboard as a ConfigMap for the Grafana sidecar. It shares the ConfigMap informer of
 * the circuit-breaker file; the two tell their objects apart by name.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class DashboardConfigMapDependent extends AgentDependent<ConfigMap> {
  public DashboardConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  ConfigMap desired(ProgressiveAgent agent, AgentPlan plan) {
    return AgentDashboard.configMap(agent);
  }

  @Override
  boolean wanted(ProgressiveAgent agent, AgentPlan plan) {
    return AgentDashboard.enabled(agent) && !AgentDashboard.asGrafanaDashboard(agent, plan);
  }
}

package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.GrafanaDashboard;
import dev.progressive.operator.common.Labels;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Map;

/** The agent's dashboard as a GrafanaDashboard, when the namespace's stack delivers through grafana-operator. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class GrafanaDashboardDependent extends AgentDependent<GrafanaDashboard> {
  public GrafanaDashboardDependent() {
    super(GrafanaDashboard.class);
  }

  @Override
  GrafanaDashboard desired(ProgressiveAgent agent, AgentPlan plan) {
    return AgentDashboard.grafanaDashboard(agent, plan.monitoring().grafanaInstance().orElse(Map.of()));
  }

  @Override
  boolean wanted(ProgressiveAgent agent, AgentPlan plan) {
    return AgentDashboard.asGrafanaDashboard(agent, plan);
  }
}

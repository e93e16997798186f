package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.GrafanaDashboard;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.common.Labels;
import dev.progressive.operator.common.RecordingDependent;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Map;

/** The agent's dashboard as a GrafanaDashboard, when the namespace's stack delivers through grafana-operator. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class GrafanaDashboardDependent extends RecordingDependent<GrafanaDashboard, ProgressiveAgent> {
  public GrafanaDashboardDependent() {
    super(GrafanaDashboard.class);
  }

  @Override
  protected GrafanaDashboard desired(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    return AgentDashboard.grafanaDashboard(agent, MonitoringSetup.in(context).grafanaInstance().orElse(Map.of()));
  }
}

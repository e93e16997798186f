package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.PrometheusRule;
import dev.progressive.operator.common.Labels;
import dev.progressive.operator.common.RecordingDependent;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The agent's PrometheusRule; desired state comes from {@link AgentPrometheusRule}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class PrometheusRuleDependent extends RecordingDependent<PrometheusRule, ProgressiveAgent> {
  public PrometheusRuleDependent() {
    super(PrometheusRule.class);
  }

  @Override
  protected PrometheusRule desired(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    return AgentPrometheusRule.desired(agent, MonitoringSetup.in(context));
  }
}

package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.PrometheusRule;
import dev.progressive.operator.common.Labels;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The agent's PrometheusRule; desired state comes from {@link AgentPrometheusRule}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class PrometheusRuleDependent extends AgentDependent<PrometheusRule> {
  public PrometheusRuleDependent() {
    super(PrometheusRule.class);
  }

  @Override
  PrometheusRule desired(ProgressiveAgent agent, AgentPlan plan) {
    return AgentPrometheusRule.desired(agent, plan.monitoring());
  }
}

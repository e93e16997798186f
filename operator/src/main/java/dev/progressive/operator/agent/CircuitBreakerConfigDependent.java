package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The agent's circuit-breaker file; desired state comes from {@link CircuitBreakerConfig}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class CircuitBreakerConfigDependent extends AgentDependent<ConfigMap> {
  public CircuitBreakerConfigDependent() {
    super(ConfigMap.class);
  }

  @Override
  ConfigMap desired(ProgressiveAgent agent, AgentPlan plan) {
    return CircuitBreakerConfig.desired(agent, plan.mitigations());
  }
}

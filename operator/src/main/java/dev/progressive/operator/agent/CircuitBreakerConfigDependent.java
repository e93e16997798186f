package dev.progressive.operator.agent;

import dev.progressive.operator.common.Labels;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import dev.progressive.operator.common.RecordingDependent;
import dev.progressive.operator.remediation.Incident;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The agent's circuit-breaker file; desired state comes from {@link CircuitBreakerConfig}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class CircuitBreakerConfigDependent extends RecordingDependent<ConfigMap, ProgressiveAgent> {
  public CircuitBreakerConfigDependent() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    return CircuitBreakerConfig.desired(agent, ActiveMitigations.of(agent, context.getSecondaryResources(Incident.class)));
  }
}

package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.common.Labels;
import dev.progressive.operator.common.RecordingDependent;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The agent's Service; desired state comes from {@link AgentService}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class ServiceDependent extends RecordingDependent<Service, ProgressiveAgent> {
  public ServiceDependent() {
    super(Service.class);
  }

  @Override
  protected Service desired(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    return AgentService.desired(agent);
  }
}

package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The agent's Service; desired state comes from {@link AgentService}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class ServiceDependent extends AgentDependent<Service> {
  public ServiceDependent() {
    super(Service.class);
  }

  @Override
  Service desired(ProgressiveAgent agent, AgentPlan plan) {
    return AgentService.desired(agent);
  }
}

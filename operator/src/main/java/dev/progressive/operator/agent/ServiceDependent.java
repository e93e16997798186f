package dev.progressive.operator.agent;

import dev.progressive.operator.common.RecordingDependent;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The agent's Service; desired state comes from {@link AgentService}. */
public class ServiceDependent extends RecordingDependent<Service, ProgressiveAgent> {
  public ServiceDependent() {
    super(Service.class);
  }

  @Override
  protected Service desired(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    return AgentService.desired(agent);
  }
}

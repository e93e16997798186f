package dev.progressive.operator.agent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** Every object the operator creates for one agent, in the order `render` prints them. */
public final class AgentChildren {
  private AgentChildren() {}

  /** Keep in step with the dependents of {@link AgentReconciler}: this is their desired state. */
  public static List<HasMetadata> desired(ProgressiveAgent agent) {
    return List.of(
        AgentDeployment.desired(agent, ActiveMitigations.NONE),
        AgentService.desired(agent),
        CircuitBreakerConfig.desired(agent, ActiveMitigations.NONE));
  }
}

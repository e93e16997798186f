package dev.progressive.operator.agent;

import static dev.progressive.operator.api.ProgressiveAgentStatus.ROLLED_OUT;

import dev.progressive.operator.api.RolloutPhase;
import dev.progressive.operator.api.RolloutStatus;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.Optional;

/**
 * Whether the agent's pods are to run the template its spec asks for: True once a rollout is promoted (or none
 * ever ran), else False with the rollout's phase as the reason and its message, which says what it waits for.
 */
final class RolledOutCondition {
  private RolledOutCondition() {}

  static Condition from(Optional<RolloutStatus> rollout) {
    if (rollout.isEmpty()) {
      return Conditions.of(ROLLED_OUT, true, "NoRollout", "No rollout runs: the Deployment has the spec's template");
    }
    var status = rollout.get();
    var message = "Revision " + status.getRevision() + ": " + status.getMessage();
    return Conditions.of(ROLLED_OUT, status.getPhase() == RolloutPhase.Promoted, status.getPhase().name(), message);
  }
}

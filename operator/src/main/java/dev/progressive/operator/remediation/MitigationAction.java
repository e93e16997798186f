package dev.progressive.operator.remediation;

import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepRecord;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Records a mitigation on the Incident for each target agent. The agent reconciler folds it into the
 * agent's children; this never touches a Deployment or a user's spec.
 */
final class MitigationAction implements Action {
  static final String NO_TARGETS = "NoTargets";
  static final String HELD_BACK = "HeldBack";
  private final Mitigation.Type type;

  MitigationAction(Mitigation.Type type) {
    this.type = type;
  }

  @Override
  public StepOutcome run(IncidentRun run, Step step, StepRecord record) {
    var targets = run.targets(step);
    var heldBack = HeldBack.of(run, step);
    if (targets.isEmpty() && !heldBack.isEmpty()) {
      return StepOutcome.skipped(HELD_BACK + ": every agent of the step is held back: " + HeldBack.describe(heldBack) + "; nothing done");
    }
    if (targets.isEmpty()) {
      // An empty target set is never read as "every agent": the step acts on nothing and says so.
      return StepOutcome.skipped(NO_TARGETS + ": " + targetText(step) + "; nothing done");
    }
    if (type == Mitigation.Type.restart) {
      return RestartRoll.next(run, targets, heldBack, Instant.parse(record.getStartedAt()));
    }
    var since = run.now().toString();
    for (var agent : targets) {
      var name = agent.getMetadata().getName();
      boolean held = run.status().getMitigations().stream()
          .anyMatch(m -> m.getType() == type && name.equals(m.getAgent()) && m.isActive());
      if (!held) {
        run.status().getMitigations().add(new Mitigation(type, name, type == Mitigation.Type.scale ? step.getReplicas() : null, since));
      }
    }
    return StepOutcome.succeeded(describe(run, step).replaceFirst("^would ", "asked to "));
  }

  /** A mitigation is a record the agent reconciler reads; a restart also waits for the agents to roll. */
  @Override
  public boolean onlyRecords() {
    return type != Mitigation.Type.restart;
  }

  @Override
  public String describe(IncidentRun run, Step step) {
    var agents = run.targets(step).stream().map(a -> a.getMetadata().getName()).collect(Collectors.joining(", "));
    var heldBack = HeldBack.of(run, step);
    return "would " + type.asked(step.getReplicas()) + " of " + (agents.isEmpty() ? "no agent" : agents)
        + (heldBack.isEmpty() ? "" : "; held back: " + HeldBack.describe(heldBack));
  }

  private static String targetText(Step step) {
    return step.getAgentTypes().isEmpty()
        ? "the alert names no existing agent"
        : "no agent of type " + String.join(", ", step.getAgentTypes()) + " in the namespace";
  }
}

package dev.progressive.operator.remediation;

import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepRecord;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.common.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After a stabilisation window, checks that the target agents are Ready and the alert resolved;
 * waits for that up to a timeout, then fails, which hands the Incident to the escalation.
 */
final class VerifyAction implements Action {
  static final String DEFAULT_AFTER = "60s";
  static final String DEFAULT_TIMEOUT = "5m";
  private static final Duration POLL = Duration.ofSeconds(2);

  @Override
  public StepOutcome run(IncidentRun run, Step step, StepRecord record) {
    var after = Durations.parse(Optional.ofNullable(step.getAfter()).orElse(DEFAULT_AFTER), "verify.after");
    var timeout = Durations.parse(Optional.ofNullable(step.getTimeout()).orElse(DEFAULT_TIMEOUT), "verify.timeout");
    var started = Instant.parse(record.getStartedAt());
    var checkFrom = started.plus(after);
    if (run.now().isBefore(checkFrom)) {
      return StepOutcome.waiting("letting the system stabilise until " + checkFrom, Duration.between(run.now(), checkFrom));
    }
    var missing = missing(run, step);
    if (missing.isEmpty()) {
      run.status().setEffective(true);
      return StepOutcome.succeeded("the alert resolved and every target agent is Ready");
    }
    var giveUpAt = checkFrom.plus(timeout);
    if (run.now().isBefore(giveUpAt)) {
      return StepOutcome.waiting("waiting until " + giveUpAt + ": " + String.join("; ", missing), POLL);
    }
    run.status().setEffective(false);
    return StepOutcome.failed("not healthy after " + step.getAfter() + " and " + timeout.toSeconds() + "s more: " + String.join("; ", missing));
  }

  private static List<String> missing(IncidentRun run, Step step) {
    var missing = new ArrayList<String>();
    if (!run.alertResolved()) {
      missing.add(run.incident().getSpec().getAlertName() + " still fires");
    }
    for (ProgressiveAgent agent : run.targets(step)) {
      var status = agent.getStatus();
      if (status == null || !Conditions.isTrue(status.getConditions(), Conditions.READY)) {
        missing.add(agent.getMetadata().getName() + " is not Ready");
      }
    }
    return missing;
  }

  @Override
  public Optional<IncidentPhase> phaseWhileRunning() {
    return Optional.of(IncidentPhase.Verifying);
  }

  /** Verified ends the run Resolved; a failed check ends it only when no step (an escalation) follows. */
  @Override
  public Optional<RunEnd> endsRun(StepRecord.Outcome outcome, boolean lastStep) {
    if (outcome == StepRecord.Outcome.Succeeded) {
      return Optional.of(new RunEnd(IncidentPhase.Resolved, "Verified"));
    }
    return lastStep ? Optional.of(new RunEnd(IncidentPhase.Escalated, "VerificationFailed")) : Optional.empty();
  }

  @Override
  public String describe(IncidentRun run, Step step) {
    return "would check after " + Optional.ofNullable(step.getAfter()).orElse(DEFAULT_AFTER)
        + " that the alert resolved and the target agents are Ready";
  }
}

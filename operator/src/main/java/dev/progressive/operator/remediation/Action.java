package dev.progressive.operator.remediation;

import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepRecord;
import java.util.Optional;

/**
 * One kind of playbook step. Running it again after an interruption must be harmless: the
 * Incident's status is the only state, and a restarted operator resumes a step that was Running.
 * A kind also states how it shapes the run: the phase the Incident shows while it runs, and whether
 * its outcome ends the run.
 */
public interface Action {
  StepOutcome run(IncidentRun run, Step step, StepRecord record);

  /** What the step would do, for dry runs. */
  String describe(IncidentRun run, Step step);

  /**
   * Whether running the step only writes the Incident's status, touching nothing else: its start and its
   * outcome then share one status write, since no one outside the Incident could see the step half done.
   */
  default boolean onlyRecords() {
    return false;
  }

  /** The phase the Incident shows while this step runs; empty keeps the run's phase. */
  default Optional<IncidentPhase> phaseWhileRunning() {
    return Optional.empty();
  }

  /** How the run ends once this step ended with the outcome; empty lets the run go on. */
  default Optional<RunEnd> endsRun(StepRecord.Outcome outcome, boolean lastStep) {
    return Optional.empty();
  }

  /** The phase and reason a run ends with. */
  record RunEnd(IncidentPhase phase, String reason) {}
}

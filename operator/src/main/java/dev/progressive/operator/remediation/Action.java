package dev.progressive.operator.remediation;

import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepRecord;
/**
 * One kind of playbook step. Running it again after an interruption must be harmless: the
 * Incident's status is the only state, and a restarted operator resumes a step that was Running.
 */
public interface Action {
  StepOutcome run(IncidentRun run, Step step, StepRecord record);

  /** What the step would do, for dry runs. */
  String describe(IncidentRun run, Step step);
}

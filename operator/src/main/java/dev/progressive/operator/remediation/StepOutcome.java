package dev.progressive.operator.remediation;

import dev.progressive.operator.api.StepRecord;
import java.time.Duration;
import java.util.Optional;

/** How a step went: done (with its outcome), or still under way and worth another look after a while. */
public record StepOutcome(StepRecord.Outcome outcome, String message, Optional<Duration> lookAgainIn) {
  public static StepOutcome succeeded(String message) {
    return new StepOutcome(StepRecord.Outcome.Succeeded, message, Optional.empty());
  }

  public static StepOutcome failed(String message) {
    return new StepOutcome(StepRecord.Outcome.Failed, message, Optional.empty());
  }

  /** The step had nothing to do; the run goes on. */
  public static StepOutcome skipped(String message) {
    return new StepOutcome(StepRecord.Outcome.Skipped, message, Optional.empty());
  }

  public static StepOutcome waiting(String message, Duration lookAgainIn) {
    return new StepOutcome(StepRecord.Outcome.Running, message, Optional.of(lookAgainIn));
  }

  public boolean done() {
    return lookAgainIn.isEmpty();
  }
}

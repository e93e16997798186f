package dev.progressive.operator.delivery;

import dev.progressive.operator.api.RolloutCheck;
import dev.progressive.operator.api.RolloutCheck.Verdict;
import java.util.List;

/**
 * The decision on one step: Pass moves to the next step, Fail rolls back, InsufficientData and MetricNotFound
 * hold the step. {@code checks} is the evidence for {@code status.rollout.checks}.
 */
public record StepAnalysis(Verdict verdict, List<RolloutCheck> checks, String message) {
  public StepAnalysis {
    checks = List.copyOf(checks);
  }

  /** No analysis could be made (no Prometheus to ask, or it did not answer): the step holds and says why. */
  public static StepAnalysis unavailable(String why) {
    return new StepAnalysis(Verdict.InsufficientData, List.of(), "no analysis: " + why);
  }

  public boolean holds() {
    return verdict == Verdict.InsufficientData || verdict == Verdict.MetricNotFound;
  }
}

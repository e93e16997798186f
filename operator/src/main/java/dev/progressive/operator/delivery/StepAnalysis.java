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

  public boolean holds() {
    return verdict == Verdict.InsufficientData || verdict == Verdict.MetricNotFound;
  }
}

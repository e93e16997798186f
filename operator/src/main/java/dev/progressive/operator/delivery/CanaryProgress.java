package dev.progressive.operator.delivery;

import dev.progressive.operator.api.RolloutCheck;
import dev.progressive.operator.api.RolloutCheck.Verdict;
import dev.progressive.operator.common.StalledDeployment;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import java.util.List;
import java.util.Optional;

/**
 * Whether the canary's pods came up. A canary whose pods never become ready gets no traffic, so its analysis
 * would hold for ever on too few requests; once its Deployment reports that it stopped progressing
 * ({@code Progressing=False}, reason {@code ProgressDeadlineExceeded}, after {@code progressDeadlineSeconds}), the
 * step fails instead, and the rollout rolls back with that as its evidence.
 */
public final class CanaryProgress {
  public static final String CHECK = "canaryProgress";
  static final String DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";
  /** The API server's default for a Deployment that sets none. */
  private static final int DEFAULT_DEADLINE_SECONDS = 600;

  private CanaryProgress() {}

  /** The failed step, if the canary Deployment stopped progressing. */
  public static Optional<StepAnalysis> stalled(Deployment canary) {
    return StalledDeployment.condition(canary).filter(c -> DEADLINE_EXCEEDED.equals(c.getReason()))
        .map(condition -> failed(canary, condition));
  }

  private static StepAnalysis failed(Deployment canary, DeploymentCondition condition) {
    int deadline = Optional.ofNullable(canary.getSpec()).map(DeploymentSpec::getProgressDeadlineSeconds)
        .orElse(DEFAULT_DEADLINE_SECONDS);
    var message = "the canary's pods did not become ready within progressDeadlineSeconds=" + deadline
        + Optional.ofNullable(condition.getMessage()).map(m -> " (" + m + ")").orElse("");
    var check = new RolloutCheck();
    check.setName(CHECK);
    check.setQuery("Deployment " + canary.getMetadata().getName() + " condition Progressing");
    check.setObserved("False (" + DEADLINE_EXCEEDED + ")");
    check.setThreshold("True");
    check.setWindow(deadline + "s");
    check.setVerdict(Verdict.Fail);
    check.setMessage(message);
    return new StepAnalysis(Verdict.Fail, List.of(check), message);
  }
}

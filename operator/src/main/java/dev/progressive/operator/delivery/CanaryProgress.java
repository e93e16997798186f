package dev.progressive.operator.delivery;

import dev.progressive.operator.api.RolloutCheck;
import dev.progressive.operator.api.RolloutCheck.Verdict;
import dev.progressive.operator.common.StalledDeployment;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Whether the canary's pods serve. A canary without ready pods gets no traffic, so its analysis would hold for ever
 * on too few requests. Once its Deployment reports that it stopped progressing ({@code Progressing=False}, reason
 * {@code ProgressDeadlineExceeded}, after {@code progressDeadlineSeconds}: pods that never became ready), or that
 * it has been short of available pods for as long ({@code Available=False}: pods that were ready and went), the
 * step fails instead, and the rollout rolls back with that condition as its evidence.
 */
public final class CanaryProgress {
  public static final String CHECK = "canaryProgress";
  static final String DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";
  /** The API server's default for a Deployment that sets none. */
  private static final int DEFAULT_DEADLINE_SECONDS = 600;

  private CanaryProgress() {}

  /** The failed step, if the canary Deployment stopped progressing or lost its available pods for good. */
  public static Optional<StepAnalysis> stalled(Deployment canary, Instant now) {
    var stalled = StalledDeployment.condition(canary).filter(c -> DEADLINE_EXCEEDED.equals(c.getReason()))
        .map(condition -> failed(canary, condition, "did not become ready within"));
    return stalled.or(() -> unavailableSince(canary, now.minus(Duration.ofSeconds(deadline(canary))))
        .map(condition -> failed(canary, condition, "have been unavailable for")));
  }

  private static Optional<DeploymentCondition> unavailableSince(Deployment canary, Instant before) {
    return Optional.ofNullable(canary.getStatus()).map(DeploymentStatus::getConditions).orElse(List.of()).stream()
        .filter(c -> "Available".equals(c.getType()) && "False".equals(c.getStatus()))
        .filter(c -> transitioned(c).filter(at -> !at.isAfter(before)).isPresent())
        .findFirst();
  }

  private static Optional<Instant> transitioned(DeploymentCondition condition) {
    try {
      return Optional.ofNullable(condition.getLastTransitionTime()).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static int deadline(Deployment canary) {
    return Optional.ofNullable(canary.getSpec()).map(DeploymentSpec::getProgressDeadlineSeconds).orElse(DEFAULT_DEADLINE_SECONDS);
  }

  private static StepAnalysis failed(Deployment canary, DeploymentCondition condition, String what) {
    int deadline = deadline(canary);
    var message = "the canary's pods " + what + " progressDeadlineSeconds=" + deadline
        + Optional.ofNullable(condition.getMessage()).map(m -> " (" + m + ")").orElse("");
    var check = new RolloutCheck();
    check.setName(CHECK);
    check.setQuery("Deployment " + canary.getMetadata().getName() + " condition " + condition.getType());
    check.setObserved("False (" + condition.getReason() + ")");
    check.setThreshold("True");
    check.setWindow(deadline + "s");
    check.setVerdict(Verdict.Fail);
    check.setMessage(message);
    return new StepAnalysis(Verdict.Fail, List.of(check), message);
  }
}

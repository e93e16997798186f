package dev.progressive.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.RolloutCheck;
import dev.progressive.operator.api.RolloutCheck.Verdict;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CanaryProgressTest {
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void aCanaryPastItsProgressDeadlineFailsTheStepWithTheConditionAsEvidence() {
    var stalled = canary(120, "False", CanaryProgress.DEADLINE_EXCEEDED, "ReplicaSet \"npa-canary-7d\" has timed out progressing.");
    var analysis = CanaryProgress.stalled(stalled, NOW).orElseThrow();
    assertThat(analysis.verdict()).isEqualTo(Verdict.Fail);
    assertThat(analysis.message()).isEqualTo("the canary's pods did not become ready within progressDeadlineSeconds=120"
        + " (ReplicaSet \"npa-canary-7d\" has timed out progressing.)");
    assertThat(analysis.checks()).singleElement().satisfies(check -> {
      assertThat(check.getName()).isEqualTo(CanaryProgress.CHECK);
      assertThat(check.getQuery()).isEqualTo("Deployment npa-canary condition Progressing");
      assertThat(check.getObserved()).isEqualTo("False (ProgressDeadlineExceeded)");
      assertThat(check.getWindow()).isEqualTo("120s");
      assertThat(check.getVerdict()).isEqualTo(Verdict.Fail);
    });
  }

  @Test
  void aCanaryStillProgressingOrWithoutConditionsIsNoFailure() {
    assertThat(CanaryProgress.stalled(canary(600, "True", "ReplicaSetUpdated", null), NOW)).isEmpty();
    assertThat(CanaryProgress.stalled(canary(600, "False", "SomethingElse", null), NOW)).isEmpty();
    assertThat(CanaryProgress.stalled(new DeploymentBuilder().withNewMetadata().withName("npa-canary").endMetadata().build(), NOW))
        .isEmpty();
  }

  @Test
  void withoutADeadlineInTheSpecTheApiServersDefaultIsShown() {
    var stalled = canary(600, "False", CanaryProgress.DEADLINE_EXCEEDED, null);
    stalled.getSpec().setProgressDeadlineSeconds(null);
    assertThat(CanaryProgress.stalled(stalled, NOW).map(a -> a.checks().get(0)).map(RolloutCheck::getWindow)).contains("600s");
  }

  @Test
  void aCanaryShortOfAvailablePodsForItsProgressDeadlineFailsTheStep() {
    var gone = unavailable(120, NOW.minusSeconds(120).toString());

    var analysis = CanaryProgress.stalled(gone, NOW).orElseThrow();

    assertThat(analysis.verdict()).isEqualTo(Verdict.Fail);
    assertThat(analysis.message()).isEqualTo("the canary's pods have been unavailable for progressDeadlineSeconds=120"
        + " (Deployment does not have minimum availability.)");
    assertThat(analysis.checks()).singleElement().satisfies(check -> {
      assertThat(check.getQuery()).isEqualTo("Deployment npa-canary condition Available");
      assertThat(check.getObserved()).isEqualTo("False (MinimumReplicasUnavailable)");
      assertThat(check.getWindow()).isEqualTo("120s");
    });
  }

  @Test
  void aCanaryBrieflyShortOfAvailablePodsOrWithAnUnreadableTransitionIsNoFailure() {
    assertThat(CanaryProgress.stalled(unavailable(120, NOW.minusSeconds(119).toString()), NOW)).as("a pod restarting").isEmpty();
    assertThat(CanaryProgress.stalled(unavailable(120, "yesterday"), NOW)).isEmpty();
    assertThat(CanaryProgress.stalled(unavailable(120, null), NOW)).isEmpty();
  }

  private static Deployment unavailable(int deadline, String since) {
    return new DeploymentBuilder()
        .withNewMetadata().withName("npa-canary").endMetadata()
        .withNewSpec().withProgressDeadlineSeconds(deadline).endSpec()
        .withNewStatus()
          .addNewCondition().withType("Progressing").withStatus("True").withReason("NewReplicaSetAvailable").endCondition()
          .addNewCondition().withType("Available").withStatus("False").withReason("MinimumReplicasUnavailable")
            .withMessage("Deployment does not have minimum availability.").withLastTransitionTime(since).endCondition()
        .endStatus()
        .build();
  }

  private static Deployment canary(int deadline, String status, String reason, String message) {
    return new DeploymentBuilder()
        .withNewMetadata().withName("npa-canary").endMetadata()
        .withNewSpec().withProgressDeadlineSeconds(deadline).endSpec()
        .withNewStatus().addNewCondition().withType("Progressing").withStatus(status).withReason(reason).withMessage(message)
        .endCondition().endStatus()
        .build();
  }
}

package dev.progressive.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.RolloutCheck;
import dev.progressive.operator.api.RolloutCheck.Verdict;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

class CanaryProgressTest {
  @Test
  void aCanaryPastItsProgressDeadlineFailsTheStepWithTheConditionAsEvidence() {
    var stalled = canary(120, "False", CanaryProgress.DEADLINE_EXCEEDED, "ReplicaSet \"npa-canary-7d\" has timed out progressing.");
    var analysis = CanaryProgress.stalled(stalled).orElseThrow();
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
    assertThat(CanaryProgress.stalled(canary(600, "True", "ReplicaSetUpdated", null))).isEmpty();
    assertThat(CanaryProgress.stalled(canary(600, "False", "SomethingElse", null))).isEmpty();
    assertThat(CanaryProgress.stalled(new DeploymentBuilder().withNewMetadata().withName("npa-canary").endMetadata().build()))
        .isEmpty();
  }

  @Test
  void withoutADeadlineInTheSpecTheApiServersDefaultIsShown() {
    var stalled = canary(600, "False", CanaryProgress.DEADLINE_EXCEEDED, null);
    stalled.getSpec().setProgressDeadlineSeconds(null);
    assertThat(CanaryProgress.stalled(stalled).map(a -> a.checks().get(0)).map(RolloutCheck::getWindow)).contains("600s");
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

package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.Guardrails;
import dev.progressive.operator.api.PlaybookSnapshot;
import dev.progressive.operator.api.RemediationPlaybook;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaybookSnapshotTest {
  private final RemediationPlaybook playbook =
      Incidents.playbook("team-a", "agent-degraded", 0, List.of("AgentUnhealthy"), Map.of());

  PlaybookSnapshotTest() {
    var scale = new Step(StepAction.SCALE);
    scale.setReplicas(3);
    playbook.getSpec().setSteps(new ArrayList<>(List.of(scale, new Step(StepAction.VERIFY))));
    playbook.getSpec().getGuardrails().setRevertAfter("1s");
    playbook.getMetadata().setGeneration(4L);
  }

  @Test
  void theCopyHoldsTheStepsAndGuardrailsAndTheGeneration() {
    var copy = PlaybookSnapshot.of(playbook);
    assertThat(copy.getSteps()).extracting(Step::getAction).containsExactly(StepAction.SCALE, StepAction.VERIFY);
    assertThat(copy.getSteps().get(0).getReplicas()).isEqualTo(3);
    assertThat(copy.getGuardrails().getRevertAfter()).isEqualTo("1s");
    assertThat(copy.getPlaybookGeneration()).isEqualTo(4L);
  }

  @Test
  void editingThePlaybookAfterwardsLeavesTheCopyAlone() {
    var copy = PlaybookSnapshot.of(playbook);
    playbook.getSpec().getSteps().get(0).setReplicas(9);
    playbook.getSpec().getSteps().remove(1);
    playbook.getSpec().getGuardrails().setRevertAfter("1h");
    assertThat(copy.getSteps()).hasSize(2);
    assertThat(copy.getSteps().get(0).getReplicas()).isEqualTo(3);
    assertThat(copy.getGuardrails().getRevertAfter()).isEqualTo("1s");
  }

  @Test
  void aPlaybookWithoutGuardrailsIsCopiedWithTheDefaults() {
    playbook.getSpec().setGuardrails(null);
    assertThat(PlaybookSnapshot.of(playbook).getGuardrails().getRevertAfter()).isEqualTo(new Guardrails().getRevertAfter());
  }
}

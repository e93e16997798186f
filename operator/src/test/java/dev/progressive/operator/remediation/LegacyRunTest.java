package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.IncidentStatus;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.PlaybookSnapshot;
import dev.progressive.operator.api.RemediationPlaybook;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.StepRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs an earlier operator version started, without a copy of their playbook. */
class LegacyRunTest {
  private final RemediationPlaybook playbook =
      Incidents.playbook("team-a", "agent-degraded", 0, List.of("AgentUnhealthy"), Map.of());
  private final IncidentStatus status = Incidents.incident("old", "AgentUnhealthy", Map.of()).getStatus();

  LegacyRunTest() {
    playbook.getSpec().setSteps(steps(StepAction.CIRCUIT_BREAKER, StepAction.NOTIFY, StepAction.VERIFY));
    status.setPhase(IncidentPhase.Verifying);
    status.setPlaybook("team-a/agent-degraded");
    status.getSteps().add(record(0, StepAction.CIRCUIT_BREAKER, StepRecord.Outcome.Succeeded));
    status.getSteps().add(record(1, StepAction.NOTIFY, StepRecord.Outcome.Succeeded));
    status.getSteps().add(record(2, StepAction.VERIFY, StepRecord.Outcome.Running));
  }

  @Test
  void aRunWhoseRecordsAreTheLivePlaybooksStepsAdoptsIt() {
    assertThat(LegacyRun.needsCopy(status)).isTrue();
    var adoption = LegacyRun.adopt(status, Optional.of(playbook));
    assertThat(adoption.copy()).hasValueSatisfying(copy -> assertThat(copy.getSteps()).hasSize(3));
  }

  @Test
  void aShortenedOrReorderedPlaybookIsNotAdopted() {
    playbook.getSpec().setSteps(steps(StepAction.CIRCUIT_BREAKER, StepAction.NOTIFY));
    assertThat(LegacyRun.adopt(status, Optional.of(playbook))).satisfies(adoption -> {
      assertThat(adoption.copy()).isEmpty();
      assertThat(adoption.reason()).isEqualTo(LegacyRun.PLAYBOOK_CHANGED);
      assertThat(adoption.message()).contains("team-a/agent-degraded");
    });
    playbook.getSpec().setSteps(steps(StepAction.NOTIFY, StepAction.CIRCUIT_BREAKER, StepAction.VERIFY));
    assertThat(LegacyRun.adopt(status, Optional.of(playbook)).copy()).isEmpty();
  }

  @Test
  void anInvalidPlaybookIsNotAdopted() {
    playbook.getSpec().getGuardrails().setRevertAfter("soon");
    assertThat(LegacyRun.adopt(status, Optional.of(playbook))).satisfies(adoption -> {
      assertThat(adoption.copy()).isEmpty();
      assertThat(adoption.reason()).isEqualTo(LegacyRun.PLAYBOOK_CHANGED);
      assertThat(adoption.message()).contains("no longer valid");
    });
    status.setPhase(IncidentPhase.Escalated);
    assertThat(LegacyRun.adopt(status, Optional.of(playbook)).copy()).as("not even for its guardrails").isEmpty();
  }

  @Test
  void aDeletedPlaybookCannotBeAdopted() {
    assertThat(LegacyRun.adopt(status, Optional.empty())).satisfies(adoption -> {
      assertThat(adoption.copy()).isEmpty();
      assertThat(adoption.reason()).isEqualTo(LegacyRun.PLAYBOOK_DELETED);
    });
  }

  @Test
  void aFinishedRunNeedsACopyOnlyWhileItHoldsMitigationsAndThenOnlyForItsGuardrails() {
    status.setPhase(IncidentPhase.Escalated);
    assertThat(LegacyRun.needsCopy(status)).isFalse();
    status.getMitigations().add(new Mitigation(Mitigation.Type.circuitBreaker, "npa", null, "2026-11-28T10:00:00Z"));
    assertThat(LegacyRun.needsCopy(status)).isTrue();
    playbook.getSpec().setSteps(steps(StepAction.NOTIFY));
    assertThat(LegacyRun.adopt(status, Optional.of(playbook)).copy()).isPresent();
    status.getMitigations().get(0).setRevertedAt("2026-11-28T10:10:00Z");
    assertThat(LegacyRun.needsCopy(status)).isFalse();
  }

  @Test
  void aRunWithItsCopyNeedsNoOther() {
    status.setRun(PlaybookSnapshot.of(playbook));
    assertThat(LegacyRun.needsCopy(status)).isFalse();
  }

  private static List<Step> steps(StepAction... actions) {
    return Arrays.stream(actions).map(Step::new).toList();
  }

  private static StepRecord record(int index, StepAction action, StepRecord.Outcome outcome) {
    return new StepRecord(index, action, outcome, "2026-11-28T10:00:00Z", "");
  }
}

package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepAction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run follows the copy of its playbook taken when it started: editing or deleting the playbook changes
 * later Incidents only, and the run still withdraws its mitigations on its own schedule.
 */
class PlaybookChangeDuringRunIntegrationTest {
  private static final List<StepAction> AGENT_DEGRADED_UP_TO_VERIFY = List.of(StepAction.SCALE, StepAction.CIRCUIT_BREAKER,
      StepAction.QUARANTINE_UNHEALTHY, StepAction.DIAGNOSTICS, StepAction.NOTIFY, StepAction.VERIFY);
  private static RemediationCluster cluster;

  @BeforeAll
  static void start(@TempDir Path dir) throws IOException {
    cluster = RemediationCluster.start(dir);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void aPlaybookShortenedDuringTheRunChangesOnlyTheIncidentsAfterIt() throws Exception {
    var f = verifyingOnNpa("shortened");
    var incident = f.fire("AgentUnhealthy", Map.of("service", "npa", "severity", "warning"));
    awaitMitigatedAndVerifying(f, incident);

    f.editPlaybook("agent-degraded", spec -> {
      spec.setSteps(List.of(new Step(StepAction.NOTIFY)));
      spec.getGuardrails().setRevertAfter("1h");
    });
    // The next Incident runs the edited playbook, which also shows that the operator has seen the edit.
    var later = f.fire("AgentUnhealthy", Map.of("service", "wpa", "severity", "warning"));
    await().atMost(RemediationFixture.PATIENCE)
        .untilAsserted(() -> assertThat(f.stepsRun(later)).containsExactly(StepAction.NOTIFY));
    var laterCopy = f.incident(later).getStatus().getRun();
    assertThat(laterCopy.getSteps()).extracting(Step::getAction).containsExactly(StepAction.NOTIFY);
    assertThat(laterCopy.getGuardrails().getRevertAfter()).isEqualTo("1h");
    assertThat(f.replicas("wpa")).isEqualTo(2);

    assertThat(f.phase(incident)).as(() -> f.describe(incident)).isEqualTo(IncidentPhase.Verifying);
    assertThat(f.incident(incident).getStatus().getRun().getSteps()).hasSize(7);
    f.resolve(incident);
    awaitResolvedByItsOwnSteps(f, incident);
    // The run's revertAfter (1s) applies, not the edited playbook's hour.
    f.awaitNoMitigation("npa");
  }

  @Test
  void aPlaybookDeletedDuringTheRunChangesOnlyTheIncidentsAfterIt() throws Exception {
    var f = verifyingOnNpa("deleted");
    var incident = f.fire("AgentUnhealthy", Map.of("service", "npa", "severity", "warning"));
    awaitMitigatedAndVerifying(f, incident);

    f.deletePlaybook("agent-degraded");
    // With agent-degraded gone, the catch-all takes the next Incident: the operator has seen the deletion.
    var later = f.fire("AgentUnhealthy", Map.of("service", "wpa", "severity", "warning"));
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> assertThat(f.incident(later).getStatus().getPlaybook())
        .isEqualTo(f.namespace + "/unknown"));

    assertThat(f.phase(incident)).as(() -> f.describe(incident)).isEqualTo(IncidentPhase.Verifying);
    f.resolve(incident);
    awaitResolvedByItsOwnSteps(f, incident);
    assertThat(f.incident(incident).getStatus().getPlaybook()).isEqualTo(f.namespace + "/agent-degraded");
    f.awaitNoMitigation("npa");
  }

  /** The default playbooks, whose verify step waits long enough for the test to change the playbook meanwhile. */
  private static RemediationFixture verifyingOnNpa(String namespace) throws IOException {
    return cluster.fixture(namespace).withSamplesAndPlaybooks(spec -> spec.getSteps().stream()
        .filter(s -> s.getAction() == StepAction.VERIFY).forEach(s -> s.setTimeout("60s")));
  }

  private static void awaitMitigatedAndVerifying(RemediationFixture f, Incident incident) {
    f.awaitPhase(incident, IncidentPhase.Verifying);
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> {
      assertThat(f.replicas("npa")).isEqualTo(3);
      assertThat(f.breakerOpen("npa")).isTrue();
    });
  }

  private static void awaitResolvedByItsOwnSteps(RemediationFixture f, Incident incident) {
    f.awaitPhase(incident, IncidentPhase.Resolved);
    assertThat(f.incident(incident).getStatus().getReason()).isEqualTo("Verified");
    assertThat(f.stepsRun(incident)).containsExactlyElementsOf(AGENT_DEGRADED_UP_TO_VERIFY);
  }
}

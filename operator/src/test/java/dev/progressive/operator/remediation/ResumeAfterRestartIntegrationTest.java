package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.StepRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator stopped mid-incident and started again finishes the run and repeats no step. */
class ResumeAfterRestartIntegrationTest {
  @Test
  void aRestartedOperatorResumesFromTheRecordWithoutRepeatingAStep(@TempDir Path dir) throws Exception {
    try (var cluster = RemediationCluster.start(dir)) {
      var harness = cluster.harness();
      var f = cluster.fixture("resume").withSamplesAndPlaybooks(spec -> spec.getSteps().stream()
          .filter(s -> s.getAction() == StepAction.VERIFY).forEach(s -> {
            s.setAfter("3s");
            s.setTimeout("60s");
          }));
      var incident = f.fire("AgentUnhealthy", Map.of("service", "npa"));
      f.awaitPhase(incident, IncidentPhase.Verifying);
      f.resolve(incident);
      harness.stopOperator();
      var before = f.incident(incident).getStatus().getSteps().size();

      harness.startOperator();
      f.awaitPhase(incident, IncidentPhase.Resolved);
      var status = f.incident(incident).getStatus();
      assertThat(before).isGreaterThanOrEqualTo(5);
      assertRecordedOnce(f, incident);
      assertThat(status.getMitigations()).filteredOn(m -> m.getType() == Mitigation.Type.scale).hasSize(1);
      assertThat(f.eventReasons(incident.getMetadata().getName())).filteredOn("IncidentNotification"::equals).hasSize(1);
    }
  }

  @Test
  void aStepAwaitingApprovalWaitsAcrossARestartAndRunsOnceApprovedMeanwhile(@TempDir Path dir) throws Exception {
    try (var cluster = RemediationCluster.start(dir)) {
      var f = ApprovalIntegrationTest.restartingTheAlertsAgent(cluster.fixture("approval-restart"), g -> { });
      var incident = f.fire("AgentWedged", Map.of("service", "npa"));
      var asked = f.awaitApprovalRequest(incident, 0);
      cluster.harness().stopOperator();
      f.decide(incident, ApprovalPolicy.APPROVED);

      cluster.harness().startOperator();
      await().atMost(RemediationFixture.PATIENCE).untilAsserted(() ->
          assertThat(f.stepsRun(incident)).as(() -> f.describe(incident)).containsExactly(StepAction.RESTART, StepAction.NOTIFY));
      var approved = f.record(incident, 0);
      assertThat(approved.getApproval()).isEqualTo(StepRecord.Approval.approved);
      assertThat(approved.getApprovalRequestedAt()).as("the wait the first operator began").isEqualTo(asked.getApprovalRequestedAt());
      assertThat(f.eventReasons(incident.getMetadata().getName())).filteredOn("ApprovalRequested"::equals).hasSize(1);
      assertThat(f.incident(incident).getStatus().getMitigations()).filteredOn(m -> m.getType() == Mitigation.Type.restart)
          .singleElement().satisfies(m -> assertThat(m.getAgent()).isEqualTo("npa"));
      assertRecordedOnce(f, incident);
    }
  }

  @Test
  void aRunAnEarlierVersionStartedWithoutACopyAdoptsTheLivePlaybookOnceAndFollowsIt(@TempDir Path dir) throws Exception {
    try (var cluster = RemediationCluster.start(dir)) {
      var f = verifyingOnNpa(cluster, "adopt");
      var incident = f.fire("AgentUnhealthy", Map.of("service", "npa"));
      f.awaitPhase(incident, IncidentPhase.Verifying);
      cluster.harness().stopOperator();
      writtenByAnEarlierVersion(cluster, f.incident(incident));

      var restarted = cluster.startOperatorAgain().fixture(f.namespace);
      await().atMost(RemediationFixture.PATIENCE).until(() -> f.incident(incident).getStatus().getRun() != null);
      assertThat(f.incident(incident).getStatus().getRun().getSteps()).hasSize(7);
      // Adopted, the copy rules: a later edit leaves the run alone.
      f.editPlaybook("agent-degraded", spec -> spec.setSteps(List.of(new Step(StepAction.NOTIFY))));
      restarted.resolve(incident);
      f.awaitPhase(incident, IncidentPhase.Resolved);
      assertThat(f.stepsRun(incident)).endsWith(StepAction.NOTIFY, StepAction.VERIFY);
      assertRecordedOnce(f, incident);
      f.awaitNoMitigation("npa");
    }
  }

  @Test
  void aRunAnEarlierVersionStartedEscalatesWhenItsPlaybookChangedMeanwhile(@TempDir Path dir) throws Exception {
    try (var cluster = RemediationCluster.start(dir)) {
      var f = verifyingOnNpa(cluster, "changed");
      var incident = f.fire("AgentUnhealthy", Map.of("service", "npa"));
      f.awaitPhase(incident, IncidentPhase.Verifying);
      cluster.harness().stopOperator();
      writtenByAnEarlierVersion(cluster, f.incident(incident));
      f.editPlaybook("agent-degraded", spec -> spec.setSteps(List.of(new Step(StepAction.NOTIFY))));

      var restarted = cluster.startOperatorAgain().fixture(f.namespace);
      f.awaitPhase(incident, IncidentPhase.Escalated);
      assertThat(f.incident(incident).getStatus().getReason()).isEqualTo(LegacyRun.PLAYBOOK_CHANGED);
      restarted.resolve(incident);
      f.awaitNoMitigation("npa");
    }
  }

  private static RemediationFixture verifyingOnNpa(RemediationCluster cluster, String namespace) throws Exception {
    return cluster.fixture(namespace).withSamplesAndPlaybooks(spec -> spec.getSteps().stream()
        .filter(s -> s.getAction() == StepAction.VERIFY).forEach(s -> s.setTimeout("60s")));
  }

  /** The Incident as an operator version that kept no copy of the playbook left it. */
  private static void writtenByAnEarlierVersion(RemediationCluster cluster, Incident incident) {
    incident.getStatus().setRun(null);
    cluster.harness().client().resource(incident).updateStatus();
  }

  private static void assertRecordedOnce(RemediationFixture f, Incident incident) {
    var perIndex = f.incident(incident).getStatus().getSteps().stream()
        .collect(Collectors.groupingBy(StepRecord::getIndex, Collectors.counting()));
    assertThat(perIndex).as("records per step: %s", f.describe(incident))
        .allSatisfy((index, count) -> assertThat(count).isOne());
  }
}

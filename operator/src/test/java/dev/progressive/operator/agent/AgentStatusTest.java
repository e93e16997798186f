package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentStatus;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentStatus;
import dev.progressive.operator.cluster.AvailabilityFloor;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.common.FailureSamples;
import dev.progressive.operator.common.SpecViolation;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentStatusTest {
  private static final MonitoringSetup NO_MONITORING_APIS = MonitoringSetup.none("progressive-framework-v5");
  private final ProgressiveAgent agent = Agents.agent("npa", AgentType.NPA);

  @Test
  void allReplicasReadyAndRolledOutIsReady() {
    var status = AgentStatus.desired(agent, seen(deployment(2, 2, 1L)));
    assertThat(condition(status, Conditions.READY)).extracting("status", "reason", "message")
        .containsExactly("True", AgentStatus.REASON_READY, "2/2 replicas ready");
    assertThat(condition(status, ProgressiveAgentStatus.AVAILABLE).getStatus()).isEqualTo("True");
    assertThat(condition(status, ProgressiveAgentStatus.DEGRADED).getStatus()).isEqualTo("False");
    assertThat(status.getReadyReplicas()).isEqualTo(2);
    assertThat(status.getObservedGeneration()).isEqualTo(3L);
    assertThat(status.getEndpoint()).isEqualTo("http://npa.team-a.svc:8080");
  }

  @Test
  void aRolloutTheControllerHasNotSeenIsNotReadyYet() {
    var deployment = deployment(2, 2, 1L);
    deployment.getMetadata().setGeneration(2L);
    assertThat(condition(AgentStatus.desired(agent, seen(deployment)), Conditions.READY).getReason())
        .isEqualTo(AgentStatus.REASON_NOT_READY);
  }

  @Test
  void noReadyReplicaIsNotAvailable() {
    var status = AgentStatus.desired(agent, seen(deployment(2, 0, 1L)));
    assertThat(condition(status, Conditions.READY).getMessage()).isEqualTo("0/2 replicas ready");
    assertThat(condition(status, ProgressiveAgentStatus.AVAILABLE).getStatus()).isEqualTo("False");
  }

  @Test
  void aStalledRolloutIsDegraded() {
    var deployment = new DeploymentBuilder(deployment(2, 1, 1L)).editStatus()
        .addNewCondition().withType("Progressing").withStatus("False").withReason("ProgressDeadlineExceeded")
        .withMessage("ReplicaSet has timed out progressing").endCondition().endStatus().build();
    assertThat(condition(AgentStatus.desired(agent, seen(deployment)), ProgressiveAgentStatus.DEGRADED))
        .extracting("status", "reason").containsExactly("True", "ProgressDeadlineExceeded");
  }

  @Test
  void aFailureIsNotReadyAndDegradedWithTheCause() {
    var failed = new AgentStatus.Observation(List.of(), new AgentDeployments(Optional.empty(), Optional.empty()), Optional.empty(), ActiveMitigations.NONE, NO_MONITORING_APIS,
        Optional.of(new IllegalStateException("forbidden: deployments.apps")), Optional.empty(), Optional.empty(), PrometheusReport.OFF);
    var status = AgentStatus.desired(agent, failed);
    assertThat(condition(status, Conditions.READY).getReason()).isEqualTo(Conditions.RECONCILE_FAILED);
    assertThat(condition(status, ProgressiveAgentStatus.DEGRADED).getMessage()).contains("forbidden: deployments.apps");
  }

  @Test
  void aFailureOfTheWorkflowIsOneLineWithoutStackFrames() {
    var failed = new AgentStatus.Observation(List.of(), new AgentDeployments(Optional.empty(), Optional.empty()), Optional.empty(), ActiveMitigations.NONE, NO_MONITORING_APIS,
        Optional.of(FailureSamples.workflowFailure()), Optional.empty(), Optional.empty(), PrometheusReport.OFF);
    var status = AgentStatus.desired(agent, failed);
    for (var type : List.of(Conditions.READY, ProgressiveAgentStatus.DEGRADED)) {
      assertThat(condition(status, type).getMessage()).as(type).doesNotContain("\n", "\tat ", "Exception(s)")
          .contains("dashboards-configmap: 409 AlreadyExists");
    }
  }

  @Test
  void anInvalidSpecSaysWhichFieldAndThatChildrenWereKept() {
    var invalid = new AgentStatus.Observation(List.of(new SpecViolation("spec.port", "must be between 1024 and 65535")),
        new AgentDeployments(Optional.of(deployment(2, 2, 1L)), Optional.empty()), Optional.empty(), ActiveMitigations.NONE, NO_MONITORING_APIS, Optional.empty(), Optional.empty(),
        Optional.empty(), PrometheusReport.OFF);
    var ready = condition(AgentStatus.desired(agent, invalid), Conditions.READY);
    assertThat(ready.getReason()).isEqualTo(Conditions.INVALID_SPEC);
    assertThat(ready.getMessage()).startsWith("spec.port: must be between").contains("left as they were");
  }

  @Test
  void theRestartStampIsRecordedOnceEveryReplicaRunsItAndIsReady() {
    var previous = new ProgressiveAgentStatus();
    previous.setRestartedAt("2026-11-28T10:00:00Z");
    agent.setStatus(previous);
    var rolling = restarted(deployment(3, 3, 2L), "2026-11-28T11:00:00Z");
    rolling.getStatus().setUpdatedReplicas(2);
    assertThat(AgentStatus.desired(agent, seen(rolling)).getRestartedAt()).as("while it rolls").isEqualTo("2026-11-28T10:00:00Z");
    var surging = restarted(deployment(3, 3, 2L), "2026-11-28T11:00:00Z");
    surging.getStatus().setReplicas(4);
    assertThat(AgentStatus.desired(agent, seen(surging)).getRestartedAt()).as("an old pod left").isEqualTo("2026-11-28T10:00:00Z");
    var unready = restarted(deployment(3, 2, 2L), "2026-11-28T11:00:00Z");
    assertThat(AgentStatus.desired(agent, seen(unready)).getRestartedAt()).as("a replica not ready").isEqualTo("2026-11-28T10:00:00Z");
    var done = restarted(deployment(3, 3, 2L), "2026-11-28T11:00:00Z");
    assertThat(AgentStatus.desired(agent, seen(done)).getRestartedAt()).isEqualTo("2026-11-28T11:00:00Z");
  }

  @Test
  void neverRestartedRecordsNoStamp() {
    assertThat(AgentStatus.desired(agent, seen(deployment(2, 2, 1L))).getRestartedAt()).isNull();
  }

  @Test
  void theFloorAndWhatItKeptServingAreOnTheStatus() {
    var quarantine = ActiveMitigations.of(agent, List.of(quarantineIncident()));
    var floor = new AvailabilityFloor(2, "PodDisruptionBudget npa-pdb minAvailable 2");
    var held = "kept 1 unready pod (npa-b) in the Service to hold the availability floor of 2 (PodDisruptionBudget npa-pdb minAvailable 2)";
    var status = AgentStatus.desired(agent, new AgentStatus.Observation(List.of(), new AgentDeployments(Optional.of(deployment(3, 1, 1L)), Optional.empty()), Optional.empty(), quarantine,
        NO_MONITORING_APIS, Optional.empty(), Optional.of(floor), Optional.of(held), PrometheusReport.OFF));
    assertThat(status.getAvailabilityFloor()).isEqualTo(2);
    assertThat(status.getAvailabilityFloorReason()).isEqualTo("PodDisruptionBudget npa-pdb minAvailable 2");
    assertThat(condition(status, ProgressiveAgentStatus.REMEDIATING)).extracting("status", "message")
        .containsExactly("True", "quarantine (Incident db-down); " + held);
  }

  @Test
  void anInvalidSpecRecordsNoFloor() {
    var invalid = new AgentStatus.Observation(List.of(new SpecViolation("spec.port", "must be between 1024 and 65535")),
        new AgentDeployments(Optional.of(deployment(2, 2, 1L)), Optional.empty()), Optional.empty(), ActiveMitigations.NONE, NO_MONITORING_APIS, Optional.empty(), Optional.empty(),
        Optional.empty(), PrometheusReport.OFF);
    var status = AgentStatus.desired(agent, invalid);
    assertThat(status.getAvailabilityFloor()).isNull();
    assertThat(status.getAvailabilityFloorReason()).isNull();
  }

  private static Incident quarantineIncident() {
    var incident = new Incident();
    incident.setMetadata(new ObjectMetaBuilder().withName("db-down").withNamespace("team-a").build());
    incident.setStatus(new IncidentStatus());
    incident.getStatus().setMitigations(new ArrayList<>(List.of(new Mitigation(Mitigation.Type.quarantine, "npa", null, "t1"))));
    return incident;
  }

  private static Deployment restarted(Deployment deployment, String stamp) {
    return new DeploymentBuilder(deployment).editSpec().withNewTemplate().withNewMetadata()
        .addToAnnotations(AgentDeployment.RESTARTED_AT, stamp).endMetadata().endTemplate().endSpec().build();
  }

  private static AgentStatus.Observation seen(Deployment deployment) {
    return new AgentStatus.Observation(List.of(), new AgentDeployments(Optional.of(deployment), Optional.empty()), Optional.empty(), ActiveMitigations.NONE, NO_MONITORING_APIS,
        Optional.empty(), Optional.of(new AvailabilityFloor(1, "the minimum of 1")), Optional.empty(), PrometheusReport.OFF);
  }

  private static Deployment deployment(int replicas, int ready, long generation) {
    return new DeploymentBuilder()
        .withNewMetadata().withName("npa").withGeneration(generation).endMetadata()
        .withNewSpec().withReplicas(replicas).endSpec()
        .withNewStatus().withReplicas(replicas).withReadyReplicas(ready).withUpdatedReplicas(replicas)
        .withObservedGeneration(generation).endStatus()
        .build();
  }

  private static Condition condition(ProgressiveAgentStatus status, String type) {
    return Conditions.find(status.getConditions(), type).orElseThrow();
  }
}

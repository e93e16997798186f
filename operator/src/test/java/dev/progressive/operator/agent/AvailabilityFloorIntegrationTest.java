package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.OperatorHarness;
import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.IncidentSpec;
import dev.progressive.operator.api.IncidentStatus;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentSpec;
import dev.progressive.operator.api.ProgressiveAgentStatus;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The availability floor on the embedded API: an agent of 3 replicas with 1 ready pod, a PodDisruptionBudget
 * minAvailable 2 over its pods, and an Incident that holds a quarantine (and a restart) on it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AvailabilityFloorIntegrationTest {
  private static final String NS = "floor";
  private static final String RESTART_STAMP = "2026-11-28T10:00:00Z";
  private static final String HELD =
      "kept 1 unready pod (npa-b) in the Service to hold the availability floor of 2 (PodDisruptionBudget npa-pdb minAvailable 2)";
  private static OperatorHarness harness;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    harness = OperatorHarness.start();
    client = harness.client();
    // Written while the operator is stopped, so that no reconcile sees the Incident before its status.
    harness.stopOperator();
    incidentHoldingAQuarantineAndARestart();
    client.resource(budget(2)).create();
    harness.startOperator();
    client.resource(agent()).create();
    pod("npa-a", true);
    pod("npa-b", false);
    pod("npa-c", false);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  @Order(1)
  void theQuarantineKeepsTwoPodsServingAndTheAgentSaysWhy() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(serving("npa-a")).isEqualTo("true");
      assertThat(serving("npa-b")).as("the unready pod the floor keeps, first by name").isEqualTo("true");
      assertThat(serving("npa-c")).isEqualTo("false");
      var status = status();
      assertThat(status.getAvailabilityFloor()).isEqualTo(2);
      assertThat(status.getAvailabilityFloorReason()).isEqualTo("PodDisruptionBudget npa-pdb minAvailable 2");
      assertThat(remediating(status).getMessage()).isEqualTo("quarantine (Incident npa-down); " + HELD);
    });
  }

  @Test
  @Order(2)
  void theRestartStampIsOnTheStatusOnceTheDeploymentRolledItOut() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(status().getRestartedAt()).isEqualTo(RESTART_STAMP));
  }

  @Test
  @Order(3)
  void aLowerBudgetReachesTheAgentAndTheUnreadyPodLeavesTheService() {
    client.policy().v1().podDisruptionBudget().inNamespace(NS).withName("npa-pdb").edit(budget -> {
      budget.getSpec().setMinAvailable(new IntOrString(1));
      return budget;
    });
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(serving("npa-b")).isEqualTo("false");
      assertThat(serving("npa-a")).isEqualTo("true");
      var status = status();
      assertThat(status.getAvailabilityFloor()).isEqualTo(1);
      assertThat(status.getAvailabilityFloorReason()).isEqualTo("PodDisruptionBudget npa-pdb minAvailable 1");
      assertThat(remediating(status).getMessage()).isEqualTo("quarantine (Incident npa-down)");
    });
  }

  /**
   * As a finished run leaves it: Escalated, its alert still firing, so it keeps its mitigations until the
   * alert resolves, and the incident reconciler leaves it as it is.
   */
  private static void incidentHoldingAQuarantineAndARestart() {
    var incident = new Incident();
    incident.setMetadata(new ObjectMetaBuilder().withName("npa-down").withNamespace(NS).build());
    var spec = new IncidentSpec();
    spec.setAlertName("AgentUnhealthy");
    spec.setFingerprint("f1");
    spec.setStartsAt(RESTART_STAMP);
    incident.setSpec(spec);
    var created = client.resource(incident).create();
    var status = new IncidentStatus();
    status.setPhase(IncidentPhase.Escalated);
    status.setTarget("npa");
    status.setStartedAt(RESTART_STAMP);
    status.setFinishedAt(RESTART_STAMP);
    status.setMitigations(new ArrayList<>(List.of(new Mitigation(Mitigation.Type.quarantine, "npa", null, RESTART_STAMP),
        new Mitigation(Mitigation.Type.restart, "npa", null, RESTART_STAMP))));
    created.setStatus(status);
    client.resource(created).updateStatus();
  }

  private static PodDisruptionBudget budget(int minAvailable) {
    return new PodDisruptionBudgetBuilder().withNewMetadata().withName("npa-pdb").withNamespace(NS).endMetadata()
        .withNewSpec().withMinAvailable(new IntOrString(minAvailable))
          .withNewSelector().addToMatchLabels(Labels.INSTANCE, "npa").endSelector()
        .endSpec().build();
  }

  private static ProgressiveAgent agent() {
    var agent = new ProgressiveAgent();
    agent.setMetadata(new ObjectMetaBuilder().withName("npa").withNamespace(NS).build());
    var spec = new ProgressiveAgentSpec();
    spec.setAgentType(AgentType.NPA);
    spec.setImage("ghcr.io/progressive-operator/agent-runtime:0.1.0");
    spec.setReplicas(3);
    agent.setSpec(spec);
    return agent;
  }

  /** Creates one of the agent's pods, then reports its readiness through the status subresource, as a kubelet would. */
  private static void pod(String name, boolean ready) {
    var created = client.resource(new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(NS)
          .addToLabels(Labels.NAME, "npa").addToLabels(Labels.INSTANCE, "npa").addToLabels(Labels.MANAGED_BY, Labels.MANAGER)
          .addToLabels(AgentDeployment.SERVING_LABEL, "true")
        .endMetadata()
        .withNewSpec().addNewContainer().withName(AgentDeployment.CONTAINER).withImage("agent-runtime").endContainer().endSpec()
        .build()).create();
    created.setStatus(new PodBuilder().withNewStatus().withPhase("Running")
        .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
        .endStatus().build().getStatus());
    client.resource(created).updateStatus();
  }

  /** The agent's status as stored, empty until the operator wrote one. */
  private static ProgressiveAgentStatus status() {
    var agent = client.resources(ProgressiveAgent.class).inNamespace(NS).withName("npa").get();
    return Optional.ofNullable(agent.getStatus()).orElseGet(ProgressiveAgentStatus::new);
  }

  private static String serving(String pod) {
    Map<String, String> labels = client.pods().inNamespace(NS).withName(pod).get().getMetadata().getLabels();
    return labels.get(AgentDeployment.SERVING_LABEL);
  }

  private static Condition remediating(ProgressiveAgentStatus status) {
    return Conditions.find(status.getConditions(), ProgressiveAgentStatus.REMEDIATING).orElseGet(Condition::new);
  }
}

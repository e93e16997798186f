package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.OperatorHarness;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.RolloutPhase;
import dev.progressive.operator.api.RolloutStatus;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.delivery.CanaryProgress;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A canary whose pods never come up, or went, gets no traffic, so its analysis could only hold; once its Deployment
 * reports that it stopped progressing or has long been short of available pods, as the Deployment controller does
 * after progressDeadlineSeconds, the rollout rolls back with that as its evidence, opens an Incident, and leaves the
 * stable pods as they were.
 */
class StalledCanaryIntegrationTest {
  private static final String NS = "stalled-canary";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ProgressDeadlineExceeded", "MinimumReplicasUnavailable"})
  void aCanaryThatStopsProgressingIsRolledBackWithTheDeploymentsWordAsEvidence(String reason) throws Exception {
    try (var harness = OperatorHarness.start()) {
      var client = harness.client();
      var agent = Agents.sampleCanary(NS);
      agent.getSpec().getDelivery().setInterval("1s");
      agent.getSpec().getMonitoring().setScrapeInterval("500ms");
      client.resource(agent).create();
      await().atMost(PATIENCE).until(() -> ready(harness, "npa"));
      var stableTemplate = deployment(harness, "npa").getSpec().getTemplate();

      harness.holdReplicas(NS, "npa-canary");
      client.resources(ProgressiveAgent.class).inNamespace(NS).withName("npa").edit(a -> {
        a.getSpec().setEnv(List.of(new EnvVar("GREETING", "v2", null)));
        return a;
      });
      await().atMost(PATIENCE).until(() -> deployment(harness, "npa-canary") != null);
      reportStalled(harness, deployment(harness, "npa-canary"), reason);

      await().atMost(PATIENCE).untilAsserted(() -> {
        var rollout = rollout(harness);
        assertThat(rollout.getPhase()).as(rollout::getMessage).isEqualTo(RolloutPhase.RolledBack);
        assertThat(rollout.getChecks()).filteredOn(c -> c.getName().equals(CanaryProgress.CHECK)).singleElement()
            .satisfies(check -> assertThat(check.getObserved()).isEqualTo("False (" + reason + ")"));
        assertThat(rollout.getMessage()).contains("progressDeadlineSeconds");
      });
      await().atMost(PATIENCE).until(() -> deployment(harness, "npa-canary") == null);
      assertThat(deployment(harness, "npa").getSpec().getTemplate()).as("the stable pods untouched").isEqualTo(stableTemplate);
      await().atMost(PATIENCE).untilAsserted(() -> assertThat(client.resources(Incident.class).inNamespace(NS).list().getItems())
          .extracting(i -> i.getSpec().getAlertName()).contains("AgentRolloutFailed"));
    }
  }

  /**
   * What the Deployment controller writes of pods that never became ready once a rollout has made no progress for
   * progressDeadlineSeconds, or of pods that were ready and went an hour ago.
   */
  private static void reportStalled(OperatorHarness harness, Deployment canary, String reason) {
    var status = new DeploymentStatusBuilder()
        .withObservedGeneration(canary.getMetadata().getGeneration())
        .withReplicas(canary.getSpec().getReplicas())
        .withUpdatedReplicas(canary.getSpec().getReplicas())
        .withUnavailableReplicas(canary.getSpec().getReplicas())
        .withReadyReplicas(0)
        .withAvailableReplicas(0)
        .withConditions(reason.equals("ProgressDeadlineExceeded")
            ? List.of(new DeploymentConditionBuilder().withType("Progressing").withStatus("False").withReason(reason)
                .withMessage("ReplicaSet \"npa-canary-1\" has timed out progressing.").build())
            : List.of(new DeploymentConditionBuilder().withType("Progressing").withStatus("True")
                    .withReason("NewReplicaSetAvailable").build(),
                new DeploymentConditionBuilder().withType("Available").withStatus("False").withReason(reason)
                    .withMessage("Deployment does not have minimum availability.")
                    .withLastTransitionTime(Instant.now().minus(Duration.ofHours(1)).toString()).build()))
        .build();
    harness.client().resource(new DeploymentBuilder(canary).withStatus(status).build()).updateStatus();
  }

  private static boolean ready(OperatorHarness harness, String name) {
    var agent = harness.client().resources(ProgressiveAgent.class).inNamespace(NS).withName(name).get();
    return agent.getStatus() != null && Conditions.isTrue(agent.getStatus().getConditions(), Conditions.READY);
  }

  private static RolloutStatus rollout(OperatorHarness harness) {
    var agent = harness.client().resources(ProgressiveAgent.class).inNamespace(NS).withName("npa").get();
    assertThat(agent.getStatus().getRollout()).as("a rollout in status").isNotNull();
    return agent.getStatus().getRollout();
  }

  private static Deployment deployment(OperatorHarness harness, String name) {
    return harness.client().apps().deployments().inNamespace(NS).withName(name).get();
  }
}

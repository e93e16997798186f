package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.StepRecord;
import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * database-connectivity restarts every agent: one at a time, each Ready again before the next, and not an
 * agent whose PodDisruptionBudget asks for more ready pods than its restart would leave.
 */
class RestartRollIntegrationTest {
  @Test
  void aFleetRestartRollsOneAgentAtATimeAndSkipsTheOneItsBudgetProtects(@TempDir Path dir) throws Exception {
    try (var cluster = RemediationCluster.start(dir)) {
      var f = cluster.fixture("restart-roll").withSamplesAndPlaybooks(spec -> spec.getGuardrails().setMaxTargets(5));
      var client = cluster.harness().client();
      client.resource(new PodDisruptionBudgetBuilder().withNewMetadata().withName("bma-pdb").withNamespace(f.namespace)
          .endMetadata().withNewSpec().withMinAvailable(new IntOrString(3))
          .withNewSelector().addToMatchLabels(Labels.INSTANCE, "bma").endSelector().endSpec().build()).create();
      await().atMost(RemediationFixture.PATIENCE).until(() -> client.resources(ProgressiveAgent.class).inNamespace(f.namespace)
          .withName("bma").get().getStatus().getAvailabilityFloor() == 3);

      var incident = f.fire("PostgreSQLDown", Map.of());
      var seen = new ArrayList<String>();
      await().atMost(RemediationFixture.PATIENCE.multipliedBy(2)).untilAsserted(() -> {
        var status = f.incident(incident).getStatus();
        var record = status.getSteps().isEmpty() ? null : status.getSteps().get(0);
        if (record != null && !seen.contains(record.getMessage())) {
          seen.add(record.getMessage());
          assertThat(restartingAtOnce(f, status.getMitigations())).as("agents rolling at once").isLessThanOrEqualTo(1);
        }
        assertThat(record).isNotNull();
        assertThat(record.getOutcome()).isEqualTo(StepRecord.Outcome.Succeeded);
      });
      var status = f.incident(incident).getStatus();
      assertThat(status.getSteps().get(0).getMessage()).isEqualTo("restarted mca, npa, rpa, wpa one at a time, each Ready"
          + " again before the next; not restarted: bma (hold: restarting bma now would leave 2 ready pods, below its"
          + " floor of 3 (PodDisruptionBudget bma-pdb minAvailable 3))");
      assertThat(seen).anyMatch(m -> m.startsWith("restarting npa (3 of 5)"));
      var starts = new TreeMap<Instant, String>();
      status.getMitigations().stream().filter(m -> m.getType() == Mitigation.Type.restart)
          .forEach(m -> starts.put(Instant.parse(m.getSince()), m.getAgent()));
      assertThat(starts.values()).containsExactly("mca", "npa", "rpa", "wpa");
      assertThat(f.phase(incident)).isNotEqualTo(IncidentPhase.AwaitingApproval);
      assertThat(f.stepsRun(incident)).contains(StepAction.RESTART);
    }
  }

  /** Agents whose restart was asked but whose status does not yet show it rolled out. */
  private static long restartingAtOnce(RemediationFixture f, java.util.List<Mitigation> mitigations) {
    return mitigations.stream().filter(m -> m.getType() == Mitigation.Type.restart).filter(m -> {
      var agent = f.harness().client().resources(ProgressiveAgent.class).inNamespace(f.namespace).withName(m.getAgent()).get();
      var rolled = agent.getStatus().getRestartedAt();
      return rolled == null || Instant.parse(rolled).isBefore(Instant.parse(m.getSince()));
    }).count();
  }
}

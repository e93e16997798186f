package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.IncidentStatus;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.StepRecord;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain from alert to mitigation is as short as the record allows: a run that starts with steps that
 * only record (scale, circuitBreaker) reaches the API in the same status write as its detection, so the
 * agent's reconciler folds both mitigations in at once; a step with effects outside the Incident
 * (diagnostics) is recorded Running in that write and runs afterwards.
 */
class MitigationInOneWriteIntegrationTest {

  @Test
  void detectionAndTheRecordOnlyStepsShareTheFirstStatusWrite(@TempDir Path dir) throws Exception {
    try (var cluster = RemediationCluster.start(dir)) {
      var f = cluster.fixture("one-write").withSamplesAndPlaybooks(spec -> { });
      var scale = new Step(StepAction.SCALE);
      scale.setReplicas(3);
      f.playbook("scale-and-break", "NpaOverloaded",
          List.of(scale, new Step(StepAction.CIRCUIT_BREAKER), new Step(StepAction.DIAGNOSTICS)), g -> { });
      var written = new CopyOnWriteArrayList<IncidentStatus>();
      try (var watch = cluster.harness().client().resources(Incident.class).inNamespace(f.namespace).watch(collect(written))) {
        var incident = f.fire("NpaOverloaded", Map.of("service", "npa", "severity", "critical"));
        await().atMost(RemediationFixture.PATIENCE).until(() -> f.replicas("npa") == 3 && f.breakerOpen("npa"));
        f.awaitPhase(incident, IncidentPhase.Verifying);
      }
      var first = written.stream().filter(s -> s.getPhase() != null).findFirst().orElseThrow();
      assertThat(first.getPhase()).isEqualTo(IncidentPhase.Mitigating);
      assertThat(first.getSteps()).extracting(StepRecord::getAction, StepRecord::getOutcome).containsExactly(
          tuple(StepAction.SCALE, StepRecord.Outcome.Succeeded),
          tuple(StepAction.CIRCUIT_BREAKER, StepRecord.Outcome.Succeeded),
          tuple(StepAction.DIAGNOSTICS, StepRecord.Outcome.Running));
      assertThat(first.getMitigations()).extracting(Mitigation::getType)
          .containsExactly(Mitigation.Type.scale, Mitigation.Type.circuitBreaker);
    }
  }

  /** Every status the watch delivers, copied: the watch reports each write the API received. */
  private static Watcher<Incident> collect(List<IncidentStatus> written) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, Incident incident) {
        if (incident.getStatus() != null) {
          written.add(Serialization.clone(incident.getStatus()));
        }
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    };
  }
}

package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.StepRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Idempotence and the guardrails, with alerts delivered over HTTP as Alertmanager delivers them. */
class GuardrailIntegrationTest {
  private static RemediationCluster cluster;

  @BeforeAll
  static void start(@TempDir Path dir) throws IOException {
    cluster = RemediationCluster.start(dir);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static RemediationFixture fixture(String namespace) {
    return cluster.fixture(namespace);
  }

  @Test
  void theSameAlertDeliveredFiftyTimesAtOnceGivesOneIncidentAndOneScaleAction() throws Exception {
    var f = fixture("storm").withSamplesAndPlaybooks(spec -> { });
    var alert = f.alert("AgentUnhealthy", Map.of("service", "npa"));
    var body = cluster.alertmanager().body("firing", alert, "0001-01-01T00:00:00Z");
    try (var pool = Executors.newFixedThreadPool(16)) {
      var answers = pool.invokeAll(IntStream.range(0, 50).<Callable<Integer>>mapToObj(i -> () -> cluster.alertmanager().post(body)).toList());
      for (var answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
    }
    var incident = f.stored(alert);
    f.awaitPhase(incident, IncidentPhase.Escalated);
    var status = f.incident(incident).getStatus();
    assertThat(status.getMitigations()).filteredOn(m -> m.getType() == Mitigation.Type.scale).singleElement()
        .satisfies(m -> assertThat(m.getAgent()).isEqualTo("npa"));
    assertThat(status.getSteps()).filteredOn(s -> s.getAction() == StepAction.SCALE).hasSize(1);
    assertThat(f.replicas("npa")).isEqualTo(3);
  }

  @Test
  void aSecondIncidentOnTheSameAgentWithinTheCooldownIsSuppressed() throws Exception {
    var f = fixture("cooldown").withSamplesAndPlaybooks(spec -> { });
    var first = f.fire("AgentUnhealthy", Map.of("service", "npa"));
    f.awaitPhase(first, IncidentPhase.Escalated);
    var second = f.fire("AgentHighMemoryUsage", Map.of("service", "npa"));
    f.awaitPhase(second, IncidentPhase.Suppressed);
    assertThat(f.incident(second).getStatus().getReason()).isEqualTo(GuardrailCheck.COOLDOWN);
    assertThat(f.incident(second).getStatus().getMessage()).contains(first.getMetadata().getName()).contains("10m");
  }

  @Test
  void runsBeyondMaxRunsPerHourAreSuppressed() throws Exception {
    var f = fixture("rate").withSamplesAndPlaybooks(spec -> spec.getGuardrails().setMaxRunsPerHour(1));
    var first = f.fire("AgentUnhealthy", Map.of("service", "npa"));
    f.awaitPhase(first, IncidentPhase.Escalated);
    var second = f.fire("AgentUnhealthy", Map.of("service", "wpa"));
    f.awaitPhase(second, IncidentPhase.Suppressed);
    assertThat(f.incident(second).getStatus().getReason()).isEqualTo(GuardrailCheck.RATE_LIMITED);
    assertThat(f.replicas("wpa")).isEqualTo(2);
  }

  @Test
  void scalingNeverExceedsTheAgentsMaxReplicas() throws Exception {
    var f = fixture("ceiling").withSamplesAndPlaybooks(spec -> spec.getSteps().stream()
        .filter(s -> s.getAction() == StepAction.SCALE).forEach(s -> s.setReplicas(9)));
    var incident = f.fire("AgentUnhealthy", Map.of("service", "npa"));
    f.awaitPhase(incident, IncidentPhase.Escalated);
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> assertThat(f.replicas("npa")).isEqualTo(5));
  }

  @Test
  void aStepWhoseAgentTypesMatchNoAgentActsOnNothingAndTheRunGoesOn() throws Exception {
    var f = fixture("no-targets").withSamplesAndPlaybooks(spec -> spec.getSteps().stream()
        .filter(s -> s.getAction() == StepAction.SCALE).forEach(s -> s.setAgentTypes(List.of("custom"))));
    var incident = f.fire("AgentUnhealthy", Map.of("service", "npa"));
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() ->
        assertThat(f.stepsRun(incident)).contains(StepAction.DIAGNOSTICS, StepAction.NOTIFY));
    var scale = f.incident(incident).getStatus().getSteps().get(0);
    assertThat(scale.getAction()).isEqualTo(StepAction.SCALE);
    assertThat(scale.getOutcome()).isEqualTo(StepRecord.Outcome.Skipped);
    assertThat(scale.getMessage()).isEqualTo("NoTargets: no agent of type custom in the namespace; nothing done");
    assertThat(f.incident(incident).getStatus().getMitigations()).noneMatch(m -> m.getType() == Mitigation.Type.scale);
    assertThat(f.replicas("npa")).isEqualTo(2);
  }

  @Test
  void aDryRunPlaybookRecordsWhatItWouldDoAndDoesNothing() throws Exception {
    var f = fixture("dry-run").withSamplesAndPlaybooks(spec -> spec.getGuardrails().setDryRun(true));
    var incident = f.fire("AgentUnhealthy", Map.of("service", "npa"));
    f.awaitPhase(incident, IncidentPhase.Suppressed);
    var status = f.incident(incident).getStatus();
    assertThat(status.getReason()).isEqualTo(GuardrailCheck.DRY_RUN);
    assertThat(status.getDryRun()).isTrue();
    assertThat(status.getSteps()).allSatisfy(step -> {
      assertThat(step.getOutcome()).isEqualTo(StepRecord.Outcome.Skipped);
      assertThat(step.getMessage()).startsWith("would ");
    });
    assertThat(status.getSteps().get(0).getMessage()).isEqualTo("would scale to 3 replicas (within scaling.maxReplicas) of npa");
    assertThat(status.getMitigations()).isEmpty();
    assertThat(f.replicas("npa")).isEqualTo(2);
  }
}

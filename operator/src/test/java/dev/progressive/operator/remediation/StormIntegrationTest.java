package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.StepRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many distinct alerts about one agent at once, in one group or in concurrent bodies: exactly one
 * Incident acts on it, whatever order the reconciles run in; every other is Suppressed naming it.
 */
class StormIntegrationTest {
  static final String NOT_ENDED = "0001-01-01T00:00:00Z";
  private static RemediationCluster cluster;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    cluster = RemediationCluster.start(dir, KEEPING_EVERY_INCIDENT);
  }

  /** Keeps every finished Incident, so that the test can read each decision. */
  static final ProgressiveOperator.Settings KEEPING_EVERY_INCIDENT = ProgressiveOperator.Settings.embedded()
      .withRemediation(new RemediationSettings(false, Optional.empty(), 1_000, Duration.ofDays(1), false));

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void oneGroupOfFiveHundredAlertsForOneAgentRunsThePlaybookOnce() throws Exception {
    var f = cluster.fixture("storm-group").withSamplesAndPlaybooks(spec -> { });
    var alerts = alerts(f, "GroupStorm", "rpa", 500);
    assertThat(cluster.alertmanager().post(cluster.alertmanager().group("firing", alerts, NOT_ENDED))).isEqualTo(200);
    assertExactlyOneActs(f, alerts);
  }

  @Test
  void fiftyConcurrentBodiesOfDistinctAlertsForOneAgentRunThePlaybookOnceAndTheNextRunMayActOnceItEnds()
      throws Exception {
    var f = cluster.fixture("storm-bodies").withSamplesAndPlaybooks(spec -> spec.getGuardrails().setCooldown("0s"));
    var alerts = alerts(f, "ConcurrentStorm", "npa", 50);
    try (var pool = Executors.newFixedThreadPool(16)) {
      var answers = pool.invokeAll(alerts.stream().<Callable<Integer>>map(alert ->
          () -> cluster.alertmanager().post(cluster.alertmanager().body("firing", alert, NOT_ENDED))).toList());
      for (var answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
    }
    var actor = assertExactlyOneActs(f, alerts);
    await().atMost(RemediationFixture.PATIENCE).until(() -> f.phase(actor).isFinal());
    var next = f.fire("ConcurrentStorm", Map.of("service", "npa", "instance", "after-the-storm"));
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> {
      f.approveIfAsked(next);
      assertThat(f.incident(next).getStatus().getSteps()).extracting(StepRecord::getAction).contains(StepAction.DIAGNOSTICS);
    });
  }

  static List<AlertmanagerSender.Alert> alerts(RemediationFixture f, String name, String agent, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> f.alert(name, Map.of("service", agent, "instance", "replica-" + i)))
        .toList();
  }

  /**
   * Answers the one Incident that ran, once every Incident has decided and the actor's steps ran. Every
   * other is held back: as a duplicate of the actor's run, once that is seen running; by the agent's claim,
   * naming the actor or another Incident that held the claim while it decided (and was held back itself);
   * or, once the actor's run ended and gave the agent back, by the cooldown that the actor's run started.
   */
  static Incident assertExactlyOneActs(RemediationFixture f, List<AlertmanagerSender.Alert> alerts) {
    await().atMost(Duration.ofSeconds(60)).until(() -> alerts.stream().map(f::stored)
        .allMatch(i -> i.getStatus() != null && i.getStatus().getPhase() != null && i.getStatus().getPhase() != IncidentPhase.Detected));
    var incidents = alerts.stream().map(f::stored).toList();
    var acting = incidents.stream().filter(i -> i.getStatus().getPhase() != IncidentPhase.Suppressed).toList();
    assertThat(acting).as("Incidents that ran").hasSize(1);
    var actor = acting.get(0);
    var name = actor.getMetadata().getName();
    var heldBack = incidents.stream().filter(i -> i != actor).toList();
    assertThat(heldBack).allSatisfy(i -> assertThat(i.getStatus().getReason()).as(i.getStatus().getMessage())
        .isIn(GuardrailCheck.DUPLICATE, Detection.RESOURCE_BUSY, GuardrailCheck.COOLDOWN));
    assertThat(heldBack).filteredOn(i -> GuardrailCheck.DUPLICATE.equals(i.getStatus().getReason()))
        .allSatisfy(i -> assertThat(i.getStatus().getMessage()).startsWith("Incident " + name + " already handles"));
    assertThat(heldBack).filteredOn(i -> GuardrailCheck.COOLDOWN.equals(i.getStatus().getReason()))
        .allSatisfy(i -> assertThat(i.getStatus().getMessage()).contains("Incident " + name + " acted on"));
    assertThat(heldBack).filteredOn(i -> Detection.RESOURCE_BUSY.equals(i.getStatus().getReason())).allSatisfy(i -> {
      var holder = incidents.stream().filter(other -> i.getStatus().getMessage().startsWith("Incident " + other.getMetadata().getName() + " holds agent "))
          .findFirst();
      assertThat(holder).as("the holder named: %s", i.getStatus().getMessage()).isPresent();
      assertThat(holder.get() == actor || holder.get().getStatus().getPhase() == IncidentPhase.Suppressed)
          .as("the holder %s acted or was held back itself", holder.get().getMetadata().getName()).isTrue();
    });
    // In the storm the quarantine, a disruptive step, waits for a person: approve it as one would.
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> {
      f.approveIfAsked(actor);
      assertThat(f.stepsRun(actor)).contains(StepAction.DIAGNOSTICS, StepAction.NOTIFY);
    });
    var steps = alerts.stream().map(f::stored).flatMap(i -> i.getStatus().getSteps().stream()).map(StepRecord::getAction).toList();
    assertThat(steps).filteredOn(StepAction.SCALE::equals).hasSizeLessThanOrEqualTo(1);
    assertThat(steps).filteredOn(StepAction.DIAGNOSTICS::equals).hasSize(1);
    assertThat(steps).filteredOn(StepAction.NOTIFY::equals).hasSize(1);
    return actor;
  }
}

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
   * Answers the one Incident that ran, once every Incident has decided and the actor's steps ran; every
   * other names it as the holder of the agent.
   */
  static Incident assertExactlyOneActs(RemediationFixture f, List<AlertmanagerSender.Alert> alerts) {
    await().atMost(Duration.ofSeconds(60)).until(() -> alerts.stream().map(f::stored)
        .allMatch(i -> i.getStatus() != null && i.getStatus().getPhase() != null && i.getStatus().getPhase() != IncidentPhase.Detected));
    var incidents = alerts.stream().map(f::stored).toList();
    var acting = incidents.stream().filter(i -> i.getStatus().getPhase() != IncidentPhase.Suppressed).toList();
    assertThat(acting).as("Incidents that ran").hasSize(1);
    var actor = acting.get(0);
    var name = actor.getMetadata().getName();
    assertThat(incidents).filteredOn(i -> i != actor).allSatisfy(i -> {
      assertThat(i.getStatus().getReason()).isEqualTo(Detection.RESOURCE_BUSY);
      assertThat(i.getStatus().getMessage()).contains(" holds agent ");
      assertThat(i.getStatus().getMessage()).as("the holder named, and what became of it: %s", incidents.stream()
              .filter(other -> i.getStatus().getMessage().contains(other.getMetadata().getName() + " "))
              .map(other -> other.getStatus().getReason() + ": " + other.getStatus().getMessage()).toList())
          .contains("Incident " + name);
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

package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.StepRecord;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step that throws ends its run Escalated, at once and without retries, and the run's mitigations still go. */
class StepFailureIntegrationTest {
  // A Prometheus address written without its scheme: every diagnostics step that queries it throws.
  private static final URI PROMETHEUS_WITHOUT_SCHEME = URI.create("prometheus-operated.monitoring:9090");

  @Test
  void aStepThatThrowsEscalatesNamingTheStepAndItsMitigationsGoAfterTheAlertResolves(@TempDir Path dir) throws Exception {
    var settings = ProgressiveOperator.Settings.embedded()
        .withRemediation(RemediationSettings.defaults().withPrometheus(Optional.of(PROMETHEUS_WITHOUT_SCHEME)));
    try (var cluster = RemediationCluster.start(dir, settings)) {
      var f = cluster.fixture("failing-step").withSamplesAndPlaybooks(spec -> { });
      var incident = f.fire("AgentUnhealthy", Map.of("service", "npa", "severity", "warning"));
      f.awaitPhase(incident, IncidentPhase.Escalated);

      var status = f.incident(incident).getStatus();
      assertThat(status.getReason()).isEqualTo(PlaybookRun.STEP_FAILED);
      assertThat(status.getMessage())
          .startsWith("step 3 (diagnostics) failed: IllegalArgumentException: URI with undefined scheme")
          .doesNotContain("\n").doesNotContain("\tat ").doesNotContain("java.lang.");
      assertThat(status.getSteps()).last().satisfies(step -> {
        assertThat(step.getAction()).isEqualTo(StepAction.DIAGNOSTICS);
        assertThat(step.getOutcome()).isEqualTo(StepRecord.Outcome.Failed);
        assertThat(step.getMessage()).startsWith("failed: IllegalArgumentException");
      });
      // Nothing after the failed step ran, and the reconcile did not throw for the framework to retry.
      assertThat(f.stepsRun(incident)).containsExactly(
          StepAction.SCALE, StepAction.CIRCUIT_BREAKER, StepAction.QUARANTINE_UNHEALTHY, StepAction.DIAGNOSTICS);
      assertThat(cluster.harness().failedReconciles("Incident", IllegalArgumentException.class)).isZero();
      assertThat(f.eventReasons(incident.getMetadata().getName())).contains("IncidentEscalated");

      // Escalated holds its mitigations while the alert fires, like any finished run, and withdraws them after.
      await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> {
        assertThat(f.replicas("npa")).isEqualTo(3);
        assertThat(f.breakerOpen("npa")).isTrue();
      });
      f.resolve(incident);
      f.awaitNoMitigation("npa");
      assertThat(f.incident(incident).getStatus().getMitigations()).isNotEmpty().noneMatch(Mitigation::isActive);
    }
  }
}

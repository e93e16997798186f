package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.Leadership;
import dev.progressive.operator.ProgressiveOperator;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leader and a stand-by, as the chart runs them: the leader stops while a storm is being decided,
 * and the stand-by, which takes the leader Lease over, finds the claims in the API and lets no second
 * Incident act on the agent.
 */
class StormHandOverIntegrationTest {
  private static final String LEASE_NAMESPACE = "default";

  @Test
  void aStandByTakingOverMidStormLetsNoSecondIncidentAct(@TempDir Path dir) throws Exception {
    var settings = StormIntegrationTest.KEEPING_EVERY_INCIDENT;
    try (var cluster = RemediationCluster.start(dir, settings.withLeaderElection(LEASE_NAMESPACE, "leader"))) {
      var f = cluster.fixture("storm-hand-over").withSamplesAndPlaybooks(spec -> { });
      Operator standBy = ProgressiveOperator.create(cluster.harness().client(),
          new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), settings.withLeaderElection(LEASE_NAMESPACE, "stand-by"));
      standBy.start();
      try {
        var alerts = StormIntegrationTest.alerts(f, "HandOverStorm", "bma", 300);
        var body = cluster.alertmanager().group("firing", alerts, StormIntegrationTest.NOT_ENDED);
        assertThat(cluster.alertmanager().post(body)).isEqualTo(200);
        // The leader goes while the Incidents are being decided: some are, most are not yet.
        await().atMost(Duration.ofSeconds(30)).until(() -> alerts.stream().map(f::stored).anyMatch(i -> i.getStatus() != null));
        Leadership.stopping();
        cluster.harness().stopOperator();
        long undecided = alerts.stream().map(f::stored)
            .filter(i -> i.getStatus() == null || i.getStatus().getPhase() == null).count();
        assertThat(undecided).as("Incidents left for the stand-by to decide").isPositive();
        StormIntegrationTest.assertExactlyOneActs(f, alerts);
      } finally {
        standBy.stop();
      }
    }
  }
}

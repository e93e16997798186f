package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.Leadership;
import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.intake.AlertIntake;
import dev.progressive.operator.intake.IntakeSettings;
import dev.progressive.operator.server.OperatorHttpServer;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leader and a stand-by, as the chart runs them: the leader stops while a storm is being decided,
 * and the stand-by, which takes the leader Lease over, finds the claims in the API and lets no second
 * Incident act on the agent. The storm's second half arrives after the leader stopped (at the stand-by's
 * intake, as Alertmanager retries at the Service), so the stand-by is sure to decide Incidents of it
 * however fast the leader decided the first half.
 */
class StormHandOverIntegrationTest {
  private static final String LEASE_NAMESPACE = "default";

  @Test
  void aStandByTakingOverMidStormLetsNoSecondIncidentAct(@TempDir Path dir) throws Exception {
    var settings = StormIntegrationTest.KEEPING_EVERY_INCIDENT;
    try (var cluster = RemediationCluster.start(dir, settings.withLeaderElection(LEASE_NAMESPACE, "leader"))) {
      var f = cluster.fixture("storm-hand-over").withSamplesAndPlaybooks(spec -> { });
      var client = cluster.harness().client();
      var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      Operator standBy = ProgressiveOperator.create(client, registry, settings.withLeaderElection(LEASE_NAMESPACE, "stand-by"));
      standBy.start();
      var intake = AlertIntake.create(client, registry, new IntakeSettings(Optional.of(cluster.tokenFile()), "default",
          IntakeSettings.DEFAULT_BODY_LIMIT_BYTES));
      try (var standByHttp = OperatorHttpServer.start("127.0.0.1", 0, standBy, registry, intake)) {
        var alerts = StormIntegrationTest.alerts(f, "HandOverStorm", "bma", 600);
        var first = alerts.subList(0, 300);
        assertThat(cluster.alertmanager().post(cluster.alertmanager().group("firing", first, StormIntegrationTest.NOT_ENDED)))
            .isEqualTo(200);
        // Looked for often and in one request: the Incidents are decided within moments of each other.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
            .until(() -> f.incidents().stream().anyMatch(i -> i.getStatus() != null));
        Leadership.stopping();
        cluster.harness().stopOperator();
        var atStandBy = new AlertmanagerSender(URI.create("http://127.0.0.1:" + standByHttp.port()), RemediationCluster.TOKEN);
        var second = alerts.subList(300, alerts.size());
        assertThat(atStandBy.post(atStandBy.group("firing", second, StormIntegrationTest.NOT_ENDED))).isEqualTo(200);
        StormIntegrationTest.assertExactlyOneActs(f, alerts);
      } finally {
        standBy.stop();
      }
    }
  }
}

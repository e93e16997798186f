package dev.progressive.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What promtool cannot show: how the expressions are spelled. */
class CanaryQueriesTest {
  private static final CanaryQueries NPA = CanaryQueries.forAgent("shop", "npa", "npa", "2m");

  @Test
  void theTrackLabelTellsCanaryFromStableOnTheSloRulesSelectorAndTheAgentsScrapeJob() {
    assertThat(NPA.requests(Track.CANARY)).isEqualTo(
        "sum by (agent_type, job, namespace) (increase(agent_requests_total{agent_type=\"npa\",job=\"npa\",namespace=\"shop\",track=\"canary\"}[2m]))"
            + " or (sum by (agent_type, job, namespace) (agent_health_status{agent_type=\"npa\",job=\"npa\",namespace=\"shop\",track=\"canary\"}) * 0)");
    assertThat(NPA.requests(Track.STABLE)).contains("track!=\"canary\"");
  }

  @Test
  void theErrorRatioIsZeroRatherThanAbsentWithoutA5xxSeries() {
    String requests = "sum by (agent_type, job, namespace) (rate(agent_requests_total{agent_type=\"npa\",job=\"npa\",namespace=\"shop\",track=\"canary\"}[2m]))";
    assertThat(NPA.errorRatio(Track.CANARY)).isEqualTo(
        "(sum by (agent_type, job, namespace) (rate(agent_requests_total{agent_type=\"npa\",job=\"npa\",namespace=\"shop\",track=\"canary\",status_code=~\"5..\"}[2m]))"
            + " or " + requests + " * 0) / " + requests);
  }

  @Test
  void theBurnRateDividesByTheErrorBudgetAndTheP95ReadsTheHistogram() {
    assertThat(NPA.canaryBurnRate(new BigDecimal("0.0010"))).startsWith("((sum by").endsWith(") / 0.001");
    assertThat(NPA.latencyP95(Track.CANARY)).isEqualTo("histogram_quantile(0.95, sum by (agent_type, job, le, namespace)"
        + " (rate(agent_request_duration_seconds_bucket{agent_type=\"npa\",job=\"npa\",namespace=\"shop\",track=\"canary\"}[2m])))");
  }
}

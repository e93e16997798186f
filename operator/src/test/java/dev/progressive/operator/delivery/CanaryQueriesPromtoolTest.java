package dev.progressive.operator.delivery;

import static dev.progressive.operator.monitoring.ExternalTool.promtool;
import static dev.progressive.operator.monitoring.ExternalTool.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollout queries evaluated by the real promtool on synthetic series, scraped every 15 s: the npa canary
 * answers 30 requests per scrape, 3 of them 503s, 16 within 0.25 s and all within 0.5 s; its stable pods
 * answer 45 (30 from pods labelled stable, 15 from a pod that predates the label), none a 5xx, 36 of every
 * 40 bucketed within 0.1 s. Neither a wpa canary that fails everything nor another npa agent in the namespace
 * (job npa-eu, whose canary fails everything beside busy stable pods) may leak into the npa's answers. An rpa
 * canary is scraped (it reports its health) but has served no request yet.
 */
class CanaryQueriesPromtoolTest {
  private static final String AGENT = "namespace=\"progressive\",agent_type=\"npa\",job=\"npa\"";
  private static final String RESULT = "{agent_type=\"npa\", job=\"npa\", namespace=\"progressive\"}";
  private static final CanaryQueries NPA = CanaryQueries.forAgent("progressive", "npa", "npa", "2m");

  @TempDir Path dir;

  @Test
  void theQueriesGiveTheValuesOfTheSyntheticSeries() throws IOException {
    List<String> tests = List.of(
        expect(NPA.requests(Track.CANARY), "240"),
        expect(NPA.requests(Track.STABLE), "360"),
        expect(NPA.errorRatio(Track.CANARY), "0.1"),
        expect(NPA.errorRatio(Track.STABLE), "0"),
        expect(NPA.errorRatioIncrease(), "0.1"),
        expect(NPA.canaryBurnRate(new BigDecimal("0.001")), "100"),
        expect(NPA.latencyP95(Track.CANARY), "0.4375"),
        expect(NPA.latencyP95(Track.STABLE), "0.175"),
        expect(NPA.latencyP95Increase(), "0.2625"));

    assertThat(run(tests)).contains("SUCCESS");
  }

  @Test
  void anAgentWithoutSeriesGetsNoAnswerRatherThanZero() throws IOException {
    CanaryQueries bma = CanaryQueries.forAgent("progressive", "bma", "bma", "2m");

    assertThat(run(List.of(expectNothing(bma.requests(Track.CANARY)), expectNothing(bma.errorRatioIncrease()),
        expectNothing(bma.latencyP95Increase()), expectNothing(bma.canaryBurnRate(new BigDecimal("0.001"))))))
        .contains("SUCCESS");
  }

  @Test
  void aScrapedCanaryThatServedNothingHasZeroRequestsNotNone() throws IOException {
    CanaryQueries rpa = CanaryQueries.forAgent("progressive", "rpa", "rpa", "2m");

    assertThat(run(List.of("      - expr: '" + rpa.requests(Track.CANARY) + "'\n        eval_time: 10m\n        exp_samples:\n"
        + "          - labels: '{agent_type=\"rpa\", job=\"rpa\", namespace=\"progressive\"}'\n            value: 0"))).contains("SUCCESS");
  }

  private String run(List<String> exprTests) throws IOException {
    Files.writeString(dir.resolve("none.rules.yml"), "groups: []\n");
    Files.writeString(dir.resolve("canary.test.yml"), """
        rule_files: [none.rules.yml]
        evaluation_interval: 15s
        tests:
          - interval: 15s
            input_series:
        %s
            promql_expr_test:
        %s
        """.formatted(String.join("\n", series()), String.join("\n", exprTests)));
    return succeed(promtool(dir, "test", "rules", "canary.test.yml"));
  }

  private static List<String> series() {
    List<String> series = new ArrayList<>(List.of(
        requests("track=\"canary\",status_code=\"200\"", 27),
        requests("track=\"canary\",status_code=\"503\"", 3),
        requests("track=\"stable\",status_code=\"200\"", 30),
        requests("status_code=\"200\"", 15),
        input("agent_requests_total{namespace=\"progressive\",agent_type=\"wpa\",job=\"wpa\",track=\"canary\",status_code=\"500\"}", 100),
        input("agent_requests_total{namespace=\"progressive\",agent_type=\"npa\",job=\"npa-eu\",track=\"canary\",status_code=\"500\"}", 50),
        input("agent_requests_total{namespace=\"progressive\",agent_type=\"npa\",job=\"npa-eu\",status_code=\"200\"}", 500),
        "      - series: 'agent_health_status{namespace=\"progressive\",agent_type=\"rpa\",job=\"rpa\",track=\"canary\"}'\n"
            + "        values: '1+0x40'"));
    series.addAll(buckets("canary", new String[] {"0.1", "0.25", "0.5", "+Inf"}, new int[] {0, 16, 20, 20}));
    series.addAll(buckets("stable", new String[] {"0.05", "0.1", "0.25", "+Inf"}, new int[] {0, 36, 40, 40}));
    return series;
  }

  private static String requests(String labels, int perScrape) {
    return input("agent_requests_total{" + AGENT + "," + labels + "}", perScrape);
  }

  private static List<String> buckets(String track, String[] bounds, int[] perScrape) {
    List<String> buckets = new ArrayList<>();
    for (int i = 0; i < bounds.length; i++) {
      buckets.add(input("agent_request_duration_seconds_bucket{" + AGENT + ",track=\"" + track + "\",le=\""
          + bounds[i] + "\"}", perScrape[i]));
    }
    return buckets;
  }

  private static String input(String series, int perScrape) {
    return "      - series: '" + series + "'\n        values: '0+" + perScrape + "x40'";
  }

  /** Evaluated at 10m, where the 2m window holds nine scrapes. */
  private static String expect(String expr, String value) {
    return "      - expr: '" + expr + "'\n        eval_time: 10m\n        exp_samples:\n"
        + "          - labels: '" + RESULT + "'\n            value: " + value;
  }

  private static String expectNothing(String expr) {
    return "      - expr: '" + expr + "'\n        eval_time: 10m\n        exp_samples: []";
  }
}

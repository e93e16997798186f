package dev.progressive.operator.cluster;

import dev.progressive.operator.cluster.PrometheusApi.RuleGroupState;
import dev.progressive.operator.cluster.PrometheusApi.Sample;
import dev.progressive.operator.cluster.PrometheusApi.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The same answers in each Prometheus major version's shape: two targets of agent npa in namespace
 * team-a, one of them on a closed port, with the agent's rule group and a recording rule added to it
 * that fails at evaluation ({@code up * on() up}: many-to-many matching). See
 * {@code src/test/resources/prometheus/README.md} for where each version's answers come from.
 */
public enum PrometheusAnswers {
  /** Recorded from a real Prometheus 2.42 (Debian's). */
  V2_42("2.42"),
  /** Composed from the Prometheus v3.14.0 API source: no Prometheus 3 runs where these tests were written. */
  V3("3.x");

  private final String version;

  PrometheusAnswers(String version) {
    this.version = version;
  }

  public String targetsOneDownResource() {
    return resource("targets", "one-down");
  }

  public String rulesWithFailingRuleResource() {
    return resource("rules", "failing-rule");
  }

  /** The SLO query of PrometheusSnapshots on recorded ratios of team-a-npa (1h, 6h, 3d) and team-a-wpa (1h, no requests). */
  public String sloErrorRatiosResource() {
    return resource("query", "slo-ratios");
  }

  public List<Target> targetsOneDown() throws IOException {
    return PrometheusApi.targets(text(targetsOneDownResource()));
  }

  public List<RuleGroupState> rulesWithFailingRule() throws IOException {
    return PrometheusApi.ruleGroups(text(rulesWithFailingRuleResource()));
  }

  public List<Sample> sloErrorRatios() throws IOException {
    return PrometheusApi.samples(text(sloErrorRatiosResource()));
  }

  public static String text(String resource) {
    try (var in = Objects.requireNonNull(PrometheusAnswers.class.getResourceAsStream(resource), resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String resource(String endpoint, String content) {
    return "/prometheus/" + endpoint + "-" + version + "-" + content + ".json";
  }

  @Override
  public String toString() {
    return "Prometheus " + version;
  }
}

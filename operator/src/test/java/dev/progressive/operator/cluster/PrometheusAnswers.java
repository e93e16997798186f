package dev.progressive.operator.cluster;

import dev.progressive.operator.cluster.PrometheusApi.RuleGroupState;
import dev.progressive.operator.cluster.PrometheusApi.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Answers recorded from a real Prometheus 2.42 (Debian's) scraping two targets of agent npa in
 * namespace team-a, one of them on a closed port, with the agent's rule group and a recording rule
 * added to it that fails at evaluation ({@code up * on() up}: many-to-many matching).
 */
public final class PrometheusAnswers {
  public static final String TARGETS_ONE_DOWN = "/prometheus/targets-2.42-one-down.json";
  public static final String RULES_FAILING_RULE = "/prometheus/rules-2.42-failing-rule.json";
  /** The SLO query of PrometheusSnapshots on recorded ratios of team-a-npa (1h, 6h, 3d) and team-a-wpa (1h, no requests). */
  public static final String SLO_ERROR_RATIOS = "/prometheus/query-2.42-slo-ratios.json";

  private PrometheusAnswers() {}

  public static String text(String resource) {
    try (var in = Objects.requireNonNull(PrometheusAnswers.class.getResourceAsStream(resource), resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Target> targetsOneDown() throws IOException {
    return PrometheusApi.targets(text(TARGETS_ONE_DOWN));
  }

  public static List<PrometheusApi.Sample> sloErrorRatios() throws IOException {
    return PrometheusApi.samples(text(SLO_ERROR_RATIOS));
  }

  public static List<RuleGroupState> rulesWithFailingRule() throws IOException {
    return PrometheusApi.ruleGroups(text(RULES_FAILING_RULE));
  }
}

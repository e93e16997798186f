package dev.progressive.operator.delivery;

import dev.progressive.operator.monitoring.MetricContract;
import dev.progressive.operator.monitoring.SeriesSelector;
import dev.progressive.operator.monitoring.SloBurnRateRules;
import dev.progressive.operator.monitoring.SloTarget;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeSet;

/**
 * The PromQL that compares a canary with the stable pods over one window, on the metric contract's request
 * series and the SLO rules' selector of an agent. The pods' {@code progressive.dev/track} label reaches the
 * series as the target label {@value Track#TARGET_LABEL}. Stable is every series not labelled canary, so that pods
 * started before the label existed count as the stable version they run.
 *
 * <p>Every expression sums by the selector's labels alone, so a canary and a stable answer carry the same
 * labels and subtract one to one.
 */
public final class CanaryQueries {
  private final Map<String, String> agent;
  private final String window;

  private CanaryQueries(Map<String, String> agent, String window) {
    this.agent = Map.copyOf(agent);
    this.window = window;
  }

  /**
   * The queries for one agent's rollout, over {@code window} (a PromQL range such as {@code 2m}), on the SLO rules'
   * selector of the agent: another agent of the same type in the namespace is neither its canary nor its stable pods.
   */
  public static CanaryQueries forAgent(String namespace, String agentName, String agentType, String window) {
    return new CanaryQueries(SloTarget.agentSelector(namespace, agentName, agentType), window);
  }

  public String window() {
    return window;
  }

  /**
   * Requests the track served in the window. A pod that never served a request has no request series yet, but it
   * reports its health: a scraped track that served nothing gives 0 (too little data), and only a track that is
   * not scraped at all gives no series (a missing metric).
   */
  public String requests(Track track) {
    return sumBy("", "increase", requestSeries(track)) + " or (" + sumBy(select(MetricContract.HEALTH, track)) + " * 0)";
  }

  /**
   * The share of the track's requests answered with a 5xx: the SLO rules' ratio, except that a track that never
   * answered a 5xx (so has no such series) gives 0 rather than no series, which would read as a missing metric.
   */
  public String errorRatio(Track track) {
    return SloBurnRateRules.errorRatio(requestSeries(track), agent.keySet(), window);
  }

  /** The track's 95th percentile latency in seconds, from the request duration histogram. */
  public String latencyP95(Track track) {
    SeriesSelector buckets = select(MetricContract.REQUEST_DURATION + "_bucket", track);
    return "histogram_quantile(0.95, " + sumBy("le", "rate", buckets) + ")";
  }

  /** How fast the canary burns the SLO's error budget: its error ratio divided by the share the SLO allows to fail. */
  public String canaryBurnRate(BigDecimal errorBudget) {
    return "(" + errorRatio(Track.CANARY) + ") / " + errorBudget.stripTrailingZeros().toPlainString();
  }

  /** How much higher the canary's error ratio is than the stable's; negative when lower. */
  public String errorRatioIncrease() {
    return "(" + errorRatio(Track.CANARY) + ") - (" + errorRatio(Track.STABLE) + ")";
  }

  /** How many seconds slower the canary's p95 is than the stable's; negative when faster. */
  public String latencyP95Increase() {
    return latencyP95(Track.CANARY) + " - " + latencyP95(Track.STABLE);
  }

  private SeriesSelector requestSeries(Track track) {
    return select(MetricContract.REQUESTS, track);
  }

  private SeriesSelector select(String metric, Track track) {
    SeriesSelector agentSeries = SeriesSelector.of(metric).eq(agent);
    String canary = Track.CANARY.value();
    return track == Track.CANARY ? agentSeries.eq(Track.TARGET_LABEL, canary) : agentSeries.ne(Track.TARGET_LABEL, canary);
  }

  private String sumBy(String extraLabel, String function, SeriesSelector series) {
    TreeSet<String> labels = new TreeSet<>(agent.keySet());
    if (!extraLabel.isEmpty()) {
      labels.add(extraLabel);
    }
    return "sum by (" + String.join(", ", labels) + ") (" + function + "(" + series + "[" + window + "]))";
  }

  private String sumBy(SeriesSelector series) {
    return "sum by (" + String.join(", ", new TreeSet<>(agent.keySet())) + ") (" + series + ")";
  }
}

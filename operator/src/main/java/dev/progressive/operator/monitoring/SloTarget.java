package dev.progressive.operator.monitoring;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A service level objective over the agent request metrics.
 *
 * @param name tells this objective's recorded series and alerts apart (their {@code slo} label)
 * @param availability percent of requests that must not fail with a 5xx, e.g. 99.9
 * @param latencyP95 seconds that 95% of requests must beat, or null for no latency objective;
 *     must be a bucket bound of {@value MetricContract#REQUEST_DURATION}
 * @param selector equality matchers picking the requests; must include {@code namespace}
 */
public record SloTarget(String name, double availability, BigDecimal latencyP95, Map<String, String> selector) {

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  public SloTarget {
    Validation.requireText("name", name);
    Validation.requireBetween("availability", availability, 0, 100);
    if (latencyP95 != null && MetricContract.REQUEST_DURATION_BUCKETS.stream()
        .noneMatch(bound -> bound.compareTo(latencyP95) == 0)) {
      throw new IllegalArgumentException("latencyP95 " + Numbers.plain(latencyP95) + " is not a bucket bound of "
          + MetricContract.REQUEST_DURATION + "; use one of " + MetricContract.REQUEST_DURATION_BUCKETS.stream()
              .map(Numbers::plain).collect(Collectors.joining(", ")));
    }
    selector = Map.copyOf(selector);
    if (!selector.containsKey("namespace")) {
      throw new IllegalArgumentException("selector must include namespace, was " + selector);
    }
    selector.keySet().stream().filter(label -> !LABEL_NAME.matcher(label).matches()).findFirst()
        .ifPresent(label -> {
          throw new IllegalArgumentException("selector label " + label + " is not a Prometheus label name");
        });
  }

  /** The objective of one agent: its own requests (see {@link #agentSelector}). */
  public static SloTarget forAgent(
      String namespace, String agentName, String agentType, double availability, BigDecimal latencyP95) {
    return new SloTarget(namespace + "-" + agentName, availability, latencyP95, agentSelector(namespace, agentName, agentType));
  }

  /**
   * The matchers that pick one agent's own series, in its objective, its alert rules and the analysis of its
   * rollouts: its namespace, its type and its scrape job, which is its name (a ServiceMonitor names the job after the
   * agent's Service), so that another agent of the same type in the namespace never spends this one's error budget.
   */
  public static Map<String, String> agentSelector(String namespace, String agentName, String agentType) {
    return Map.of("namespace", namespace, "agent_type", agentType, "job", agentName);
  }

  /** The objective of every agent in a namespace together (the stack's {@code sla}). */
  public static SloTarget forNamespace(String namespace, double availability, BigDecimal latencyP95) {
    return new SloTarget(namespace, availability, latencyP95, Map.of("namespace", namespace));
  }

  /** The share of requests allowed to fail: 1 - availability. */
  BigDecimal errorBudget() {
    return errorBudget(availability);
  }

  /** The share of requests allowed to fail at {@code availability} percent, e.g. 0.001 at 99.9. */
  public static BigDecimal errorBudget(double availability) {
    return BigDecimal.ONE.subtract(BigDecimal.valueOf(availability).movePointLeft(2));
  }
}

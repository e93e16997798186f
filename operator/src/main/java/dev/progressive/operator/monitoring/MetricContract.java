package dev.progressive.operator.monitoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The metrics that rules and dashboards may use: what the agent runtime exports (one name per signal,
 * told apart by the {@code agent_type} label) plus the standard Kubernetes and Prometheus metrics.
 * This is the one list; tests check every generated rule and every dashboard against it.
 */
public final class MetricContract {

  public static final String REQUESTS = "agent_requests_total";
  public static final String REQUEST_DURATION = "agent_request_duration_seconds";
  public static final String HEALTH = "agent_health_status";
  public static final String ACTIVE_CONNECTIONS = "agent_active_connections";
  public static final String CIRCUIT_BREAKER_STATE = "agent_circuit_breaker_state";

  /** Metrics the agent runtime exports, by exposition name (histograms by their base name). */
  public static final Set<String> AGENT_METRICS = Set.of(
      REQUESTS,
      REQUEST_DURATION,
      HEALTH,
      ACTIVE_CONNECTIONS,
      CIRCUIT_BREAKER_STATE,
      "process_resident_memory_bytes",
      "process_cpu_seconds_total",
      "mca_routing_decisions_total",
      "mca_agent_load_balance",
      "mca_coordination_latency_seconds",
      "mca_system_errors_total",
      "npa_meal_plans_generated_total",
      "npa_nutrition_api_calls_total",
      "npa_calorie_calculations_total",
      "npa_user_satisfaction_score",
      "wpa_workout_plans_generated_total",
      "wpa_exercise_recommendations_total",
      "wpa_fitness_api_calls_total",
      "wpa_workout_completion_rate",
      "bma_budgets_created_total",
      "bma_expense_analyses_total",
      "bma_savings_identified_dollars",
      "bma_budget_compliance_percentage",
      "rpa_reports_generated_total");

  /** Histograms among {@link #AGENT_METRICS}; PromQL reads them through these suffixes. */
  public static final Set<String> HISTOGRAMS = Set.of(REQUEST_DURATION, "mca_coordination_latency_seconds");

  /** Metrics of Prometheus itself, Kubernetes (cAdvisor, kube-state-metrics) and the database exporters. */
  public static final Set<String> STANDARD_METRICS = Set.of("up", "pg_up", "redis_up");

  /** Families of standard metrics: cAdvisor, kube-state-metrics, client process and JVM metrics. */
  public static final List<String> STANDARD_PREFIXES = List.of("container_", "kube_", "process_", "jvm_");

  /**
   * Bucket bounds of {@link #REQUEST_DURATION}. A latency SLO counts requests above its threshold
   * with the bucket whose {@code le} equals it, so the threshold must be one of these.
   */
  public static final List<BigDecimal> REQUEST_DURATION_BUCKETS = List.of(
      "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2", "2.5", "5", "10").stream()
      .map(BigDecimal::new)
      .toList();

  private MetricContract() {}

  /** Whether a metric name as written in PromQL (including histogram suffixes) is in the contract. */
  public static boolean allows(String name) {
    return AGENT_METRICS.contains(name)
        || AGENT_METRICS.contains(histogramBase(name))
        || STANDARD_METRICS.contains(name)
        || STANDARD_PREFIXES.stream().anyMatch(name::startsWith);
  }

  private static String histogramBase(String name) {
    for (String suffix : List.of("_bucket", "_sum", "_count")) {
      if (name.endsWith(suffix)) {
        String base = name.substring(0, name.length() - suffix.length());
        return HISTOGRAMS.contains(base) ? base : name;
      }
    }
    return name;
  }
}

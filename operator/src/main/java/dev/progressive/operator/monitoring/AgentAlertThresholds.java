package dev.progressive.operator.monitoring;

/**
 * The thresholds of one agent's alerts. {@link #SEED} holds the values of the seed's rules.
 *
 * @param responseTimeP95Seconds MCAHighResponseTime: 95th percentile latency above this
 * @param errorRatio MCAHighErrorRate: share of 5xx responses above this (0.05 is 5%)
 * @param memoryMiB AgentHighMemoryUsage: resident memory above this many MiB
 * @param failuresPer10m NPAMealPlanGenerationFailure, WPAWorkoutRecommendationFailure: more 5xx than this in 10 minutes
 */
public record AgentAlertThresholds(
    double responseTimeP95Seconds, double errorRatio, double memoryMiB, double failuresPer10m) {

  public static final AgentAlertThresholds SEED = new AgentAlertThresholds(2, 0.05, 1024, 5);

  public AgentAlertThresholds {
    Validation.requirePositive("responseTimeP95Seconds", responseTimeP95Seconds);
    Validation.requireBetween("errorRatio", errorRatio, 0, 1);
    Validation.requirePositive("memoryMiB", memoryMiB);
    Validation.requirePositive("failuresPer10m", failuresPer10m);
  }
}

package dev.progressive.operator.monitoring;

/**
 * What the system-wide rules of one namespace (the seed's SLA and infrastructure groups) are
 * generated from. {@link #withSeedThresholds} holds the seed's values.
 *
 * @param namespace the namespace every rule selects; alerts carry it, which AlertmanagerConfig routing needs
 * @param availabilityPercent SystemAvailabilityBelow99_9 fires below this share of non-5xx responses
 * @param responseTimeP95Seconds AverageResponseTimeAboveSLA fires above this 95th percentile latency
 * @param podCpuPercent HighPodCPUUsage fires above this share of one core
 * @param podRestartsPerHour PodRestartLoop fires above this many restarts in an hour
 * @param postgresJob the scrape job of the PostgreSQL exporter
 * @param redisJob the scrape job of the Redis exporter
 */
public record SystemAlertSettings(
    String namespace,
    double availabilityPercent,
    double responseTimeP95Seconds,
    double podCpuPercent,
    double podRestartsPerHour,
    String postgresJob,
    String redisJob) {

  public SystemAlertSettings {
    Validation.requireText("namespace", namespace);
    Validation.requireBetween("availabilityPercent", availabilityPercent, 0, 100);
    Validation.requirePositive("responseTimeP95Seconds", responseTimeP95Seconds);
    Validation.requirePositive("podCpuPercent", podCpuPercent);
    Validation.requirePositive("podRestartsPerHour", podRestartsPerHour);
    Validation.requireText("postgresJob", postgresJob);
    Validation.requireText("redisJob", redisJob);
  }

  public static SystemAlertSettings withSeedThresholds(String namespace) {
    return new SystemAlertSettings(namespace, 99.9, 0.5, 80, 3, "postgres", "redis");
  }
}

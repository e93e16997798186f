package dev.progressive.operator.monitoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The seed's system-wide groups (SLA and infrastructure) for one namespace, rewritten onto the
 * metric contract. Every expression selects the namespace, so every alert carries a
 * {@code namespace} label.
 */
public final class SystemAlertRules {

  private SystemAlertRules() {}

  public static List<RuleGroup> groups(SystemAlertSettings settings) {
    String prefix = settings.namespace() + ".";
    return List.of(
        new RuleGroup(prefix + "sla.rules", "30s",
            List.of(availability(settings), responseTime(settings))),
        new RuleGroup(prefix + "infrastructure.rules", "30s",
            List.of(postgresDown(settings), redisDown(settings), podCpu(settings), podRestarts(settings))));
  }

  /**
   * One minus the 5xx ratio, rather than the seed's ratio of non-5xx requests: when every request
   * fails there are no non-5xx series at all, and the seed's expression would return nothing.
   */
  private static Rule availability(SystemAlertSettings settings) {
    SeriesSelector requests = inNamespace(settings, MetricContract.REQUESTS);
    String objective = Numbers.plain(BigDecimal.valueOf(settings.availabilityPercent()).movePointLeft(2));
    String expr = "1 - (sum by (namespace) (rate(" + requests.matches("status_code", "5..") + "[5m]))"
        + " / sum by (namespace) (rate(" + requests + "[5m]))) < " + objective;
    return Rule.alert("SystemAvailabilityBelow99_9", expr, "5m",
        Map.of("severity", "critical", "sla", "availability"),
        Map.of("summary", "System availability below " + Numbers.plain(settings.availabilityPercent()) + "%",
            "description", "System availability in {{ $labels.namespace }} is {{ $value | humanizePercentage }}, below the "
                + Numbers.plain(settings.availabilityPercent()) + "% SLA threshold"));
  }

  private static Rule responseTime(SystemAlertSettings settings) {
    String threshold = Numbers.plain(settings.responseTimeP95Seconds());
    String expr = "histogram_quantile(0.95, sum by (namespace, le) (rate("
        + inNamespace(settings, MetricContract.REQUEST_DURATION + "_bucket") + "[5m]))) > " + threshold;
    return Rule.alert("AverageResponseTimeAboveSLA", expr, "3m",
        Map.of("severity", "warning", "sla", "performance"),
        Map.of("summary", "Average response time above SLA",
            "description", "95th percentile response time in {{ $labels.namespace }} is {{ $value | humanizeDuration }}, above the "
                + threshold + "s SLA"));
  }

  private static Rule postgresDown(SystemAlertSettings settings) {
    return Rule.alert("PostgreSQLDown", databaseDown(settings, settings.postgresJob(), "pg_up"), "1m",
        Map.of("severity", "critical", "service", "postgresql", "tier", "database"),
        Map.of("summary", "PostgreSQL is down",
            "description", "PostgreSQL database has been unreachable for more than 1 minute"));
  }

  private static Rule redisDown(SystemAlertSettings settings) {
    return Rule.alert("RedisDown", databaseDown(settings, settings.redisJob(), "redis_up"), "1m",
        Map.of("severity", "critical", "service", "redis", "tier", "cache"),
        Map.of("summary", "Redis is down",
            "description", "Redis cache has been unreachable for more than 1 minute"));
  }

  /**
   * The exporter's scrape failing (the seed's {@code up == 0}) or the exporter reaching no database:
   * an exporter that is up answers {@code up 1} even while its database is gone.
   */
  private static String databaseDown(SystemAlertSettings settings, String job, String exporterUp) {
    Map<String, String> target = Map.of("namespace", settings.namespace(), "job", job);
    return SeriesSelector.of("up").eq(target) + " == 0 or " + SeriesSelector.of(exporterUp).eq(target) + " == 0";
  }

  /** Summed per pod over its containers; {@code container=""} is the pod's own cgroup, a double count. */
  private static Rule podCpu(SystemAlertSettings settings) {
    String expr = "sum by (namespace, pod) (rate("
        + inNamespace(settings, "container_cpu_usage_seconds_total").notEmpty("container")
        + "[5m])) * 100 > " + Numbers.plain(settings.podCpuPercent());
    return Rule.alert("HighPodCPUUsage", expr, "5m",
        Map.of("severity", "warning", "tier", "infrastructure"),
        Map.of("summary", "High CPU usage on pod {{ $labels.pod }}",
            "description", "Pod {{ $labels.pod }} has been using {{ $value | humanize }}% CPU for more than 5 minutes"));
  }

  private static Rule podRestarts(SystemAlertSettings settings) {
    String expr = "increase(" + inNamespace(settings, "kube_pod_container_status_restarts_total") + "[1h]) > "
        + Numbers.plain(settings.podRestartsPerHour());
    return Rule.alert("PodRestartLoop", expr, "0m",
        Map.of("severity", "warning", "tier", "infrastructure"),
        Map.of("summary", "Pod {{ $labels.pod }} is restart looping",
            "description", "Pod {{ $labels.pod }} has restarted {{ $value }} times in the last hour"));
  }

  private static SeriesSelector inNamespace(SystemAlertSettings settings, String metric) {
    return SeriesSelector.of(metric).eq("namespace", settings.namespace());
  }
}

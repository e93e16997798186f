package dev.progressive.operator.agent;

import dev.progressive.operator.api.AlertThresholds;
import dev.progressive.operator.api.Monitoring;
import dev.progressive.operator.api.Slo;
import dev.progressive.operator.common.SpecViolation;
import dev.progressive.operator.monitoring.MetricContract;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks spec.monitoring as the CRD schema would, for clusters that run without it. */
final class MonitoringValidation {
  private static final Pattern SCRAPE_INTERVAL = Pattern.compile(Monitoring.SCRAPE_INTERVAL_PATTERN);

  private MonitoringValidation() {}

  static void check(Monitoring monitoring, List<SpecViolation> violations) {
    if (monitoring == null) {
      return;
    }
    var interval = monitoring.getScrapeInterval();
    if (interval != null && !SCRAPE_INTERVAL.matcher(interval).matches()) {
      violations.add(new SpecViolation("spec.monitoring.scrapeInterval", "'" + interval + "' is not a Prometheus interval; write e.g. 30s or 1m"));
    }
    var alerts = monitoring.getAlerts();
    if (alerts != null) {
      atLeast("spec.monitoring.alerts.responseTimeP95Seconds", alerts.getResponseTimeP95Seconds(), AlertThresholds.MIN_RESPONSE_TIME_SECONDS, violations);
      atLeast("spec.monitoring.alerts.memoryMiB", alerts.getMemoryMiB(), AlertThresholds.MIN_MEMORY_MIB, violations);
      atLeast("spec.monitoring.alerts.failuresPer10m", alerts.getFailuresPer10m(), AlertThresholds.MIN_FAILURES, violations);
      var ratio = alerts.getErrorRatio();
      if (ratio != null && (ratio < AlertThresholds.MIN_ERROR_RATIO || ratio > 1)) {
        violations.add(new SpecViolation("spec.monitoring.alerts.errorRatio", "must be from 0.0001 to 1 (0.05 is 5%), got " + ratio));
      }
    }
    if (monitoring.getSlo() != null) {
      checkSlo(monitoring.getSlo(), violations);
    }
  }

  private static void checkSlo(Slo slo, List<SpecViolation> violations) {
    var availability = slo.getAvailability();
    if (availability == null || availability < 50 || availability > 99.999) {
      violations.add(new SpecViolation("spec.monitoring.slo.availability", "must be a percentage from 50 to 99.999, e.g. 99.9, got " + availability));
    }
    var latency = slo.getLatencyP95();
    if (latency != null && !isBucketBound(latency)) {
      violations.add(new SpecViolation("spec.monitoring.slo.latencyP95", latency + " is not a bucket bound of "
          + MetricContract.REQUEST_DURATION + "; use one of " + MetricContract.REQUEST_DURATION_BUCKETS.stream()
              .map(BigDecimal::toPlainString).collect(Collectors.joining(", "))));
    }
  }

  static boolean isBucketBound(double seconds) {
    return MetricContract.REQUEST_DURATION_BUCKETS.stream().anyMatch(b -> b.compareTo(BigDecimal.valueOf(seconds)) == 0);
  }

  private static void atLeast(String field, Double value, double minimum, List<SpecViolation> violations) {
    if (value != null && value < minimum) {
      violations.add(new SpecViolation(field, "must be at least " + BigDecimal.valueOf(minimum).stripTrailingZeros().toPlainString() + ", got " + value));
    }
  }
}

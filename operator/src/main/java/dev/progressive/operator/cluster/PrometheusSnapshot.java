package dev.progressive.operator.cluster;

import dev.progressive.operator.cluster.PrometheusApi.RuleGroupState;
import dev.progressive.operator.cluster.PrometheusApi.Target;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one Prometheus reported at one moment, shared by every agent it monitors.
 *
 * @param url where it was asked, as configured
 * @param failure why it could not be read, if it could not; then targets and groups are empty
 */
public record PrometheusSnapshot(String url, Instant readAt, Optional<String> failure, List<Target> targets,
    List<RuleGroupState> groups) {
  public static PrometheusSnapshot read(String url, Instant at, List<Target> targets, List<RuleGroupState> groups) {
    return new PrometheusSnapshot(url, at, Optional.empty(), targets, groups);
  }

  public static PrometheusSnapshot unreachable(String url, Instant at, String cause) {
    return new PrometheusSnapshot(url, at, Optional.of(cause), List.of(), List.of());
  }
}

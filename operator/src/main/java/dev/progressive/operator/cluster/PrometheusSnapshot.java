package dev.progressive.operator.cluster;

import dev.progressive.operator.cluster.PrometheusApi.RuleGroupState;
import dev.progressive.operator.cluster.PrometheusApi.Sample;
import dev.progressive.operator.cluster.PrometheusApi.Target;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one Prometheus reported at one moment, shared by every agent it monitors.
 *
 * @param url where it was asked, as configured
 * @param failure why it could not be read, if it could not; then targets, groups and ratios are empty
 * @param sloErrorRatios every SLO's recorded error ratio over 1h, 6h and the budget window (30d) (label {@code slo})
 */
public record PrometheusSnapshot(String url, Instant readAt, Optional<String> failure, List<Target> targets,
    List<RuleGroupState> groups, List<Sample> sloErrorRatios) {
  public static PrometheusSnapshot read(String url, Instant at, List<Target> targets, List<RuleGroupState> groups,
      List<Sample> sloErrorRatios) {
    return new PrometheusSnapshot(url, at, Optional.empty(), targets, groups, sloErrorRatios);
  }

  public static PrometheusSnapshot unreachable(String url, Instant at, String cause) {
    return new PrometheusSnapshot(url, at, Optional.of(cause), List.of(), List.of(), List.of());
  }
}

package dev.progressive.operator.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Prometheus rule: an alerting rule ({@code alert}) or a recording rule ({@code record}).
 * Serialises to the shape shared by rule files and a PrometheusRule's {@code spec.groups[].rules}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"record", "alert", "expr", "for", "labels", "annotations"})
public record Rule(
    String record,
    String alert,
    String expr,
    @JsonProperty("for") String forDuration,
    Map<String, String> labels,
    Map<String, String> annotations) {

  public Rule {
    labels = sorted(labels);
    annotations = sorted(annotations);
  }

  /** Sorted, so that the same rule always serialises to the same bytes. */
  private static Map<String, String> sorted(Map<String, String> map) {
    return map == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }

  public static Rule alert(
      String name, String expr, String forDuration, Map<String, String> labels, Map<String, String> annotations) {
    return new Rule(null, name, expr, forDuration, labels, annotations);
  }

  public static Rule recording(String name, String expr, Map<String, String> labels) {
    return new Rule(name, null, expr, null, labels, Map.of());
  }
}

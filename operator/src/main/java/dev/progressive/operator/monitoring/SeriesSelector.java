package dev.progressive.operator.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A PromQL series selector such as {@code agent_requests_total{namespace="shop",status_code=~"5.."}}. */
public record SeriesSelector(String metric, List<String> matchers) {

  public static SeriesSelector of(String metric) {
    return new SeriesSelector(metric, List.of());
  }

  public SeriesSelector eq(String label, String value) {
    return with(label, "=", value);
  }

  /** Equality matchers in label order, so that the same input always gives the same expression. */
  public SeriesSelector eq(Map<String, String> labels) {
    SeriesSelector selector = this;
    for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
      selector = selector.eq(label.getKey(), label.getValue());
    }
    return selector;
  }

  public SeriesSelector matches(String label, String regex) {
    return with(label, "=~", regex);
  }

  public SeriesSelector ne(String label, String value) {
    return with(label, "!=", value);
  }

  SeriesSelector notEmpty(String label) {
    return ne(label, "");
  }

  private SeriesSelector with(String label, String operator, String value) {
    List<String> more = new ArrayList<>(matchers);
    more.add(label + operator + quoted(value));
    return new SeriesSelector(metric, List.copyOf(more));
  }

  private static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  @Override
  public String toString() {
    return matchers.isEmpty() ? metric : metric + "{" + String.join(",", matchers) + "}";
  }
}

package dev.progressive.runtime.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A labelled counter written straight into the text exposition. The Prometheus Java client refuses
 * metric names ending in {@code _created} (OpenMetrics reserves the suffix), yet the seed's rules
 * and the contract query {@code bma_budgets_created_total}; this family is rendered by hand in the
 * 0.0.4 text format, as prom-client renders it.
 */
public final class TextCounter {
  private final String name;
  private final String help;
  private final List<String> labelNames;
  private final Map<List<String>, LongAdder> values = new ConcurrentHashMap<>();

  TextCounter(String name, String help, String... labelNames) {
    if (!name.endsWith("_total")) {
      throw new IllegalArgumentException("counter names end in _total: " + name);
    }
    this.name = name;
    this.help = help;
    this.labelNames = List.of(labelNames);
  }

  public void increment(String... labelValues) {
    if (labelValues.length != labelNames.size()) {
      throw new IllegalArgumentException(name + " takes labels " + labelNames);
    }
    values.computeIfAbsent(Arrays.asList(labelValues), k -> new LongAdder()).increment();
  }

  /** Appends the family; nothing until the first increment, like the client's own counters. */
  void writeTo(StringBuilder out) {
    if (values.isEmpty()) {
      return;
    }
    out.append("# HELP ").append(name).append(' ')
        .append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
    out.append("# TYPE ").append(name).append(" counter\n");
    // Sorted by label values, so that scrapes list series in a stable order.
    new TreeMap<>(series()).forEach((labels, value) ->
        out.append(name).append(labels).append(' ').append(value).append(".0\n"));
  }

  private Map<String, Long> series() {
    Map<String, Long> series = new HashMap<>();
    values.forEach((labelValues, count) -> {
      StringBuilder labels = new StringBuilder("{");
      for (int i = 0; i < labelNames.size(); i++) {
        if (i > 0) {
          labels.append(',');
        }
        labels.append(labelNames.get(i)).append("=\"").append(escape(labelValues.get(i))).append('"');
      }
      series.put(labels.append('}').toString(), count.sum());
    });
    return series;
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}

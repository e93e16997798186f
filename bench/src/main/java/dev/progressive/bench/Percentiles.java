package dev.progressive.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of latencies in milliseconds. */
public record Percentiles(int count, double p50, double p99, double max) {

  public static Percentiles of(Collection<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Percentiles(sorted.size(), rank(sorted, 0.50), rank(sorted, 0.99), sorted.get(sorted.size() - 1));
  }

  private static double rank(List<Double> sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  @Override
  public String toString() {
    return String.format("p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms  (n=%d)", p50, p99, max, count);
  }
}

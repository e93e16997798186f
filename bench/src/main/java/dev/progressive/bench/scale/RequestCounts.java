package dev.progressive.bench.scale;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A {@link RequestCounter#summary()} read back: requests by kind (DISCOVERY, GET, WATCH, POST, PUT, PATCH, DELETE). */
record RequestCounts(Map<String, Long> byKind) {
  static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  static RequestCounts parse(String summary) {
    var byKind = new TreeMap<String, Long>();
    for (String pair : summary.trim().split(" ")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        byKind.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
      }
    }
    return new RequestCounts(byKind);
  }

  long total() {
    return byKind.values().stream().mapToLong(Long::longValue).sum();
  }

  /** All but the API discovery reads, which follow the clock, not the agents. */
  long withoutDiscovery() {
    return total() - byKind.getOrDefault("DISCOVERY", 0L);
  }

  long writes() {
    return byKind.entrySet().stream().filter(e -> WRITES.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
  }

  /** e.g. {@code GET 0.01, PATCH 1.00, POST 5.00} per agent. */
  String perAgent(int agents) {
    var parts = new StringBuilder();
    byKind.forEach((kind, count) -> parts.append(parts.isEmpty() ? "" : ", ")
        .append(String.format("%s %.2f", kind, count / (double) agents)));
    return parts.isEmpty() ? "none" : parts.toString();
  }
}

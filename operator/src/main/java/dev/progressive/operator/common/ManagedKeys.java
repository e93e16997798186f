package dev.progressive.operator.common;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Three-way convergence of a map that the operator and others both write, such as a child's labels:
 * the operator's keys take their desired values, the keys it set before and no longer wants go, and
 * keys that someone else added stay. The operator remembers which keys it set in a record on the
 * child (as kubectl's last-applied configuration does for {@code kubectl apply}), because without
 * server-side apply the cluster does not say who set what.
 */
final class ManagedKeys {
  private static final String SEPARATOR = ",";

  private ManagedKeys() {}

  /**
   * The map to write: {@code actual} without the keys the operator set before ({@code previouslyManaged})
   * and no longer wants, with every desired entry put in. Keys nobody recorded are left as they are.
   */
  static Map<String, String> converge(
      Map<String, String> actual, Map<String, String> desired, Set<String> previouslyManaged) {
    var converged = new LinkedHashMap<String, String>();
    Objects.requireNonNullElse(actual, Map.<String, String>of()).forEach((key, value) -> {
      if (!previouslyManaged.contains(key) || desired.containsKey(key)) {
        converged.put(key, value);
      }
    });
    converged.putAll(desired);
    return converged;
  }

  /**
   * The record of the keys the operator sets, sorted so that the same keys always read the same.
   * Label and annotation keys cannot contain a comma, so one separates them.
   */
  static String record(Collection<String> keys) {
    return new TreeSet<>(keys).stream().collect(Collectors.joining(SEPARATOR));
  }

  /** The keys a record lists; none for a missing record (an object written before records were kept). */
  static Set<String> parse(String record) {
    if (record == null || record.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(record.split(SEPARATOR)).map(String::strip).filter(k -> !k.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}

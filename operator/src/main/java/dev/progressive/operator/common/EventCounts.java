package dev.progressive.operator.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How often each recent Event was written, by Event name, so that a repeat costs one patch rather than a
 * read first. Bounded, least recently used first out: a forgotten Event is read once when it repeats.
 */
final class EventCounts {
  private static final int CAPACITY = 4096;

  private final Map<String, Integer> counts = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
      return size() > CAPACITY;
    }
  };

  synchronized Optional<Integer> get(String name) {
    return Optional.ofNullable(counts.get(name));
  }

  synchronized void put(String name, int count) {
    counts.put(name, count);
  }

  synchronized void forget(String name) {
    counts.remove(name);
  }
}

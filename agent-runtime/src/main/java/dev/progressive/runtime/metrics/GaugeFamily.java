package dev.progressive.runtime.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges that share a name and differ by label values, like a prom-client labelled gauge. A
 * series appears the first time it is set; label values must come from closed sets.
 */
public final class GaugeFamily {
  private final MeterRegistry registry;
  private final String name;
  private final String description;
  private final List<String> labelNames;
  private final ConcurrentMap<List<String>, AtomicLong> values = new ConcurrentHashMap<>();

  public GaugeFamily(MeterRegistry registry, String name, String description, String... labelNames) {
    this.registry = registry;
    this.name = name;
    this.description = description;
    this.labelNames = List.of(labelNames);
  }

  public void set(double value, String... labelValues) {
    slot(labelValues).set(Double.doubleToRawLongBits(value));
  }

  public void add(double delta, String... labelValues) {
    slot(labelValues).accumulateAndGet(Double.doubleToRawLongBits(delta),
        (bits, add) -> Double.doubleToRawLongBits(Double.longBitsToDouble(bits) + Double.longBitsToDouble(add)));
  }

  private AtomicLong slot(String... labelValues) {
    if (labelValues.length != labelNames.size()) {
      throw new IllegalArgumentException(name + " takes labels " + labelNames);
    }
    return values.computeIfAbsent(Arrays.asList(labelValues), this::register);
  }

  private AtomicLong register(List<String> labelValues) {
    AtomicLong holder = new AtomicLong(Double.doubleToRawLongBits(0));
    Gauge.Builder<AtomicLong> builder = Gauge.builder(name, holder, h -> Double.longBitsToDouble(h.get()))
        .description(description)
        .strongReference(true);
    for (int i = 0; i < labelNames.size(); i++) {
      builder.tag(labelNames.get(i), labelValues.get(i));
    }
    builder.register(registry);
    return holder;
  }
}

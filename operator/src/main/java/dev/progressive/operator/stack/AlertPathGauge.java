package dev.progressive.operator.stack;

import io.fabric8.kubernetes.api.model.Condition;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * {@code progressive_alert_path_up{namespace}}: 1 while AlertPath is True, else 0, for alerting on the operator itself.
 * A namespace whose stack is gone reads NaN, which no comparison in an alert rule matches: its last 0 must not alert
 * for ever, and no event tells the operator of the deletion (the stack carries no finalizer). Its series goes at the
 * next reading of another stack.
 */
final class AlertPathGauge {
  static final String NAME = "progressive.alert.path.up";

  private record Reading(AtomicInteger up, Gauge gauge) {}

  private final MeterRegistry registry;
  private final Predicate<String> hasStack;
  private final Map<String, Reading> readings = new ConcurrentHashMap<>();

  /** @param hasStack whether a namespace still has a stack, as the controller's cache says */
  AlertPathGauge(MeterRegistry registry, Predicate<String> hasStack) {
    this.registry = registry;
    this.hasStack = hasStack;
  }

  void record(String namespace, Condition alertPath) {
    readings.computeIfAbsent(namespace, this::register).up().set("True".equals(alertPath.getStatus()) ? 1 : 0);
    readings.entrySet().removeIf(entry -> {
      boolean gone = !hasStack.test(entry.getKey());
      if (gone) {
        registry.remove(entry.getValue().gauge());
      }
      return gone;
    });
  }

  private Reading register(String namespace) {
    var up = new AtomicInteger();
    var gauge = Gauge.builder(NAME, up, value -> hasStack.test(namespace) ? value.get() : Double.NaN)
        .tag("namespace", namespace).register(registry);
    return new Reading(up, gauge);
  }
}

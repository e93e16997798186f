package dev.progressive.operator.stack;

import io.fabric8.kubernetes.api.model.Condition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code progressive_alert_path_up{namespace}}: 1 while AlertPath is True, else 0, for alerting on the operator itself. */
final class AlertPathGauge {
  static final String NAME = "progressive.alert.path.up";

  private final MeterRegistry registry;
  private final Map<String, AtomicInteger> up = new ConcurrentHashMap<>();

  AlertPathGauge(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String namespace, Condition alertPath) {
    up.computeIfAbsent(namespace, n -> registry.gauge(NAME, Tags.of("namespace", n), new AtomicInteger()))
        .set("True".equals(alertPath.getStatus()) ? 1 : 0);
  }
}

package dev.progressive.operator.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.common.Conditions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gauge of each namespace's alert path, and what it says once the namespace's stack is gone. */
class AlertPathGaugeTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Set<String> stacks = new HashSet<>(Set.of("shop", "blog"));
  private final AlertPathGauge gauge = new AlertPathGauge(registry, stacks::contains);

  @Test
  void followsTheConditionAndReadsNanOnceTheStackIsGoneUntilAnotherStackIsRead() {
    gauge.record("shop", Conditions.of("AlertPath", false, "NoHeartbeat", "no heartbeat"));
    gauge.record("blog", Conditions.of("AlertPath", true, "HeartbeatReceived", "a heartbeat"));
    assertThat(value("shop")).isZero();
    assertThat(value("blog")).isEqualTo(1);

    stacks.remove("shop");
    assertThat(value("shop")).as("no alert on a deleted stack's last 0").isNaN();

    gauge.record("blog", Conditions.of("AlertPath", true, "HeartbeatReceived", "a heartbeat"));
    assertThat(registry.find(AlertPathGauge.NAME).tag("namespace", "shop").gauge()).as("the deleted stack's series").isNull();
    assertThat(value("blog")).isEqualTo(1);
  }

  private double value(String namespace) {
    return registry.get(AlertPathGauge.NAME).tag("namespace", namespace).gauge().value();
  }
}

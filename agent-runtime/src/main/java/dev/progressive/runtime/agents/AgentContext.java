package dev.progressive.runtime.agents;

import dev.progressive.runtime.breaker.BreakerSettingsSource;
import dev.progressive.runtime.metrics.AgentMetrics;
import dev.progressive.runtime.server.AgentConfig;
import dev.progressive.runtime.tracing.AgentTracing;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** What the runtime hands an agent when it creates it. */
public record AgentContext(AgentConfig config, AgentMetrics metrics, AgentTracing tracing,
                           BreakerSettingsSource breakerSettings, Clock clock) {

  public MeterRegistry registry() {
    return metrics.registry();
  }
}

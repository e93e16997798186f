package dev.progressive.runtime.agents.mca;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The MCA's business metrics under the seed's names. */
final class McaMetrics {
  private static final Duration[] COORDINATION_BUCKETS = {
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

  private final MeterRegistry registry;

  McaMetrics(MeterRegistry registry, UpstreamPool pool) {
    this.registry = registry;
    for (UpstreamPool.Member member : pool.members()) {
      Gauge.builder("mca.agent.load.balance", () -> share(member, pool))
          .description("Share of the MCA's routed calls that went to each upstream (0-1)")
          .tag("target_agent", member.upstream().name())
          .strongReference(true)
          .register(registry);
    }
  }

  private static double share(UpstreamPool.Member member, UpstreamPool pool) {
    long total = pool.totalRouted();
    return total == 0 ? 0 : (double) member.routed() / total;
  }

  void decision(String strategy, String targetAgent, boolean success) {
    Counter.builder("mca.routing.decisions")
        .description("Routing decisions made by the MCA, by strategy, target and outcome")
        .tags("strategy", strategy, "target_agent", targetAgent, "success", Boolean.toString(success))
        .register(registry)
        .increment();
  }

  void systemError(String errorType, String recoveryAction) {
    Counter.builder("mca.system.errors")
        .description("Errors the MCA met while routing, by type and the recovery it attempted")
        .tags("error_type", errorType, "recovery_action", recoveryAction)
        .register(registry)
        .increment();
  }

  Timer coordination(String coordinationType) {
    return Timer.builder("mca.coordination.latency")
        .description("Time the MCA spends coordinating agents for one request")
        .tag("coordination_type", coordinationType)
        .serviceLevelObjectives(COORDINATION_BUCKETS)
        .register(registry);
  }
}

package dev.progressive.runtime.metrics;

import dev.progressive.runtime.server.AgentConfig;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * One agent's meter registry and the meters every agent shares (the metric contract in design.md).
 * Each server has its own registry, so several agents can run in one JVM without mixing series.
 */
public final class AgentMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
  private final String agentType;
  private final String agentId;

  public AgentMetrics(AgentConfig config) {
    this.agentType = config.agentType().label();
    this.agentId = config.agentId();
    PrometheusRegistry prometheusRegistry = new PrometheusRegistry();
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, prometheusRegistry, Clock.SYSTEM);
    // Micrometer exports process CPU and memory under other names; the contract (and the seed's
    // rules) use the Prometheus client's process_cpu_seconds_total and process_resident_memory_bytes.
    ProcessMetrics.builder().register(prometheusRegistry);
    Tags jvmTags = Tags.of("agent_type", agentType, "agent_id", agentId);
    new JvmMemoryMetrics(jvmTags).bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics(jvmTags).bindTo(registry);
    new ClassLoaderMetrics(jvmTags).bindTo(registry);
    new ProcessorMetrics(jvmTags).bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  public String agentType() {
    return agentType;
  }

  public String agentId() {
    return agentId;
  }

  /** The Prometheus text exposition of every meter, for {@code /metrics}. */
  public String scrape() {
    return registry.scrape();
  }

  public void healthStatus(String version, BooleanSupplier healthy) {
    Gauge.builder("agent.health.status", () -> healthy.getAsBoolean() ? 1 : 0)
        .description("Whether the agent is ready to serve (1 healthy, 0 unhealthy or draining)")
        .tags("agent_type", agentType, "agent_id", agentId, "version", version)
        .strongReference(true)
        .register(registry);
  }

  public void activeConnections(IntSupplier inFlight) {
    Gauge.builder("agent.active.connections", inFlight::getAsInt)
        .description("Requests the agent is serving right now")
        .tags("agent_type", agentType, "agent_id", agentId)
        .strongReference(true)
        .register(registry);
  }

  public void circuitBreakerState(String target, IntSupplier state) {
    Gauge.builder("agent.circuit.breaker.state", state::getAsInt)
        .description("Circuit breaker state per target (0 closed, 1 open, 2 half-open)")
        .tags("agent_type", agentType, "agent_id", agentId, "target", target)
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void close() {
    gcMetrics.close();
    registry.close();
  }
}

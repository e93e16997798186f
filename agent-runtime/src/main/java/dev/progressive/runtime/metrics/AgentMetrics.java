package dev.progressive.runtime.metrics;

import dev.progressive.runtime.server.AgentConfig;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
  private final List<TextCounter> textCounters = new CopyOnWriteArrayList<>();

  public AgentMetrics(AgentConfig config) {
    this.agentType = config.agentType().label();
    this.agentId = config.agentId();
    PrometheusRegistry prometheusRegistry = new PrometheusRegistry();
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, prometheusRegistry, Clock.SYSTEM);
    // Process CPU and memory come from the Prometheus client's collector, under the names the
    // contract and the seed's rules use (process_cpu_seconds_total, process_resident_memory_bytes).
    // Micrometer's ProcessorMetrics is left out: it repeats them under names promtool rejects.
    ProcessMetrics.builder().register(prometheusRegistry);
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
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
    StringBuilder out = new StringBuilder(registry.scrape());
    if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
    textCounters.forEach(counter -> counter.writeTo(out));
    return out.toString();
  }

  /** A counter whose name the Prometheus client would refuse; see {@link TextCounter}. */
  public TextCounter textCounter(String name, String help, String... labelNames) {
    TextCounter counter = new TextCounter(name, help, labelNames);
    textCounters.add(counter);
    return counter;
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

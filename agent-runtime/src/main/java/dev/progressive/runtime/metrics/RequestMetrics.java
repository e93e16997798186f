package dev.progressive.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@code agent_requests_total} and {@code agent_request_duration_seconds}. The meters for each
 * label set are cached, so recording a request costs two map-free increments after the first.
 */
public final class RequestMetrics {
  /** Bucket bounds: 0.5 s and 2 s are the alert thresholds, so they must be exact bounds. */
  private static final Duration[] BUCKETS = {
      Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofSeconds(2), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

  private record Key(String method, String endpoint, int status) {
  }

  private record Meters(Counter requests, Timer duration) {
  }

  private final AgentMetrics metrics;
  private final ConcurrentMap<Key, Meters> meters = new ConcurrentHashMap<>();

  public RequestMetrics(AgentMetrics metrics) {
    this.metrics = metrics;
  }

  public void record(String method, String endpoint, int status, long nanos) {
    Meters m = meters.computeIfAbsent(new Key(method, endpoint, status), this::register);
    m.requests().increment();
    m.duration().record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  private Meters register(Key key) {
    String[] tags = {"agent_type", metrics.agentType(), "agent_id", metrics.agentId(),
        "method", key.method(), "endpoint", key.endpoint(), "status_code", Integer.toString(key.status())};
    Counter requests = Counter.builder("agent.requests")
        .description("Requests served by the agent, by route template and status code")
        .tags(tags)
        .register(metrics.registry());
    Timer duration = Timer.builder("agent.request.duration")
        .description("Time to serve a request, by route template and status code")
        .tags(tags)
        .serviceLevelObjectives(BUCKETS)
        .register(metrics.registry());
    return new Meters(requests, duration);
  }
}

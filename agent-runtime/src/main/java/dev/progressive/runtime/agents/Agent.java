package dev.progressive.runtime.agents;

import io.helidon.webserver.http.HttpService;
import java.util.Optional;

/**
 * One reference agent: its API routes (registered under {@code /api/v1}) and what it adds to
 * readiness. The runtime around it supplies health, metrics, tracing, logs, breaker and faults.
 */
public interface Agent extends HttpService, AutoCloseable {

  /** Why the agent must not get traffic now, or empty when it may. */
  default Optional<String> notReadyReason() {
    return Optional.empty();
  }

  @Override
  default void close() {
  }
}

package dev.progressive.runtime.breaker;

import dev.progressive.runtime.server.ApiScope;
import dev.progressive.runtime.server.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's own breaker, in front of its API: the agent's own 5xx answers count as failures, and
 * while it is open (after the threshold, or forced by the operator through the breaker file)
 * requests are answered at once with 503 instead of piling onto a failing agent.
 *
 * <p>502, 503 and 504 do not count: they report a failure elsewhere (an upstream, or a rejection),
 * which the MCA's per-upstream breakers handle. Counting them would let one failing upstream shut
 * the MCA's door on requests that healthy upstreams could serve.
 */
public final class InboundBreakerFilter implements Filter {
  /** The {@code target} label of the breaker that guards the agent's own API. */
  public static final String TARGET = "inbound";

  private final CircuitBreaker breaker;

  public InboundBreakerFilter(CircuitBreaker breaker) {
    this.breaker = breaker;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    if (!ApiScope.includes(req)) {
      chain.proceed();
      return;
    }
    if (!breaker.tryAcquire()) {
      rejectOpen(res, breaker);
      return;
    }
    try {
      chain.proceed();
    } catch (RuntimeException e) {
      breaker.recordFailure();
      throw e;
    }
    if (ownFailure(res.status().code())) {
      breaker.recordFailure();
    } else {
      breaker.recordSuccess();
    }
  }

  private static boolean ownFailure(int status) {
    return status >= 500 && status != 502 && status != 503 && status != 504;
  }

  private static void rejectOpen(ServerResponse res, CircuitBreaker breaker) {
    long seconds = Math.max(1, breaker.retryAfter().toSeconds());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "circuit_breaker_open");
    body.put("target", breaker.target());
    body.put("message", "circuit breaker for " + breaker.target() + " is open; retry in " + seconds + "s");
    res.header(HeaderNames.RETRY_AFTER, Long.toString(seconds));
    Json.send(res, Status.SERVICE_UNAVAILABLE_503, body);
  }
}

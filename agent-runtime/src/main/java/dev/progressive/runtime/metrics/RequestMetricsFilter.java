package dev.progressive.runtime.metrics;

import dev.progressive.runtime.server.ApiScope;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/** Records every API request in the request counter and duration histogram. */
public final class RequestMetricsFilter implements Filter {
  private final RequestMetrics metrics;

  public RequestMetricsFilter(RequestMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    if (!ApiScope.includes(req)) {
      chain.proceed();
      return;
    }
    long start = System.nanoTime();
    try {
      chain.proceed();
    } finally {
      metrics.record(req.prologue().method().text(), ApiScope.endpoint(req), res.status().code(),
          System.nanoTime() - start);
    }
  }
}

package dev.progressive.runtime.faults;

import dev.progressive.runtime.server.ApiScope;
import dev.progressive.runtime.server.Json;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Injects the planned latency and errors into API requests. It sits inside the metrics and tracing
 * filters, so injected failures are measured like real ones and fire the same alerts.
 */
public final class FaultInjectionFilter implements Filter {
  private final FaultInjector injector;

  public FaultInjectionFilter(FaultInjector injector) {
    this.injector = injector;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    FaultPlan plan = injector.plan();
    if (!plan.active() || !ApiScope.includes(req)) {
      chain.proceed();
      return;
    }
    if (!plan.latency().isZero()) {
      try {
        // Requests run on virtual threads, so a sleeping request holds no platform thread.
        Thread.sleep(plan.latency());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (injector.nextFails()) {
      Json.error(res, Status.create(plan.errorStatus()), "injected_fault",
          "fault injection fails " + Math.round(plan.errorRatio() * 100) + "% of requests");
      return;
    }
    chain.proceed();
  }
}

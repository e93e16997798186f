package dev.progressive.runtime.server;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts API requests being served: the active-connections gauge, and what a shutdown drains. */
final class InFlightRequests implements Filter {
  private final AtomicInteger count = new AtomicInteger();
  private final Object idle = new Object();

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    if (!ApiScope.includes(req)) {
      chain.proceed();
      return;
    }
    count.incrementAndGet();
    try {
      chain.proceed();
    } finally {
      if (count.decrementAndGet() == 0) {
        synchronized (idle) {
          idle.notifyAll();
        }
      }
    }
  }

  int count() {
    return count.get();
  }

  /** Waits until no request is in flight or the timeout passes; true when drained. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (count.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        idle.wait(Math.max(1, left / 1_000_000));
      }
    }
    return true;
  }
}

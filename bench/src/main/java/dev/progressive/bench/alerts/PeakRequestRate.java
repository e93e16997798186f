package dev.progressive.bench.alerts;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The most requests a client sent within one wall-clock second, counted after its rate limit let them
 * through (interceptors run in the order they were added: the limit first).
 */
final class PeakRequestRate implements Interceptor {
  private final ConcurrentHashMap<Long, LongAdder> perSecond = new ConcurrentHashMap<>();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    perSecond.computeIfAbsent(System.currentTimeMillis() / 1000, s -> new LongAdder()).increment();
  }

  long peak() {
    return perSecond.values().stream().mapToLong(LongAdder::sum).max().orElse(0);
  }
}

package dev.progressive.operator.common;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket in front of every request the operator's client sends, as client-go's QPS and burst:
 * up to {@code burst} requests at once, then {@code qps} a second. fabric8 has none of its own, and a
 * storm must not become a storm on a shared API server. A request over the limit waits on the thread
 * that sends it (a reconciler's, an informer's), so the limit slows the operator, never drops a request.
 * Each request reserves the next token, so over any span {@code T} at most {@code burst + qps * T} go out.
 */
public final class ApiRateLimit implements Interceptor {
  private final double qps;
  private final double burst;
  private final LongSupplier nanoTime;
  private double tokens;
  private long refilledAt;

  ApiRateLimit(double qps, int burst, LongSupplier nanoTime) {
    if (qps <= 0 || burst < 1) {
      throw new IllegalArgumentException("--kube-api-qps must be above 0 and --kube-api-burst at least 1, got "
          + qps + " and " + burst);
    }
    this.qps = qps;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.refilledAt = nanoTime.getAsLong();
  }

  /** A client builder whose every request passes the limit. */
  public static KubernetesClientBuilder applyTo(KubernetesClientBuilder builder, double qps, int burst) {
    var limit = new ApiRateLimit(qps, burst, System::nanoTime);
    return builder.withHttpClientBuilderConsumer(http -> http.addOrReplaceInterceptor("progressive-rate-limit", limit));
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    var wait = reserve();
    if (!wait.isZero()) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait.toNanos());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Takes the next token: answers how long to wait until it is there (zero when one was left). */
  synchronized Duration reserve() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - refilledAt) * qps / 1e9);
    refilledAt = now;
    tokens -= 1;
    return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-tokens / qps * 1e9));
  }
}

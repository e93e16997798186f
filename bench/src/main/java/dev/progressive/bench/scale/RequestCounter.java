package dev.progressive.bench.scale;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every request a fabric8 client sends, by kind: the embedded API counts only writes, and the
 * reads are half of what an operator costs the API server. A watch counts once, when it is opened.
 */
final class RequestCounter implements Interceptor {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    counts.computeIfAbsent(kind(request), k -> new LongAdder()).increment();
  }

  private static String kind(HttpRequest request) {
    String query = request.uri().getQuery();
    return query != null && query.contains("watch=true") ? "WATCH" : request.method();
  }

  /** Counts by kind, e.g. {@code GET=12 PATCH=3 POST=40}; writes are POST, PUT, PATCH and DELETE. */
  String summary() {
    var sorted = new TreeMap<String, Long>();
    counts.forEach((kind, count) -> sorted.put(kind, count.sum()));
    return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .reduce((a, b) -> a + " " + b).orElse("none");
  }
}

package dev.progressive.bench.scale;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.ByteBuffer;
import java.util.List;
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
  private final Map<String, LongAdder> writes = new ConcurrentHashMap<>();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    counts.computeIfAbsent(kind(request), k -> new LongAdder()).increment();
  }

  @Override
  public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
    if (RequestCounts.WRITES.contains(request.method())) {
      String key = request.method() + " " + target(request.uri().getPath()) + " " + response.code();
      writes.computeIfAbsent(key, k -> new LongAdder()).increment();
    }
  }

  /** The resource a request's path names, e.g. {@code progressiveagents/status} or {@code events}. */
  private static String target(String path) {
    String[] segments = path.split("/");
    for (int i = 0; i + 2 < segments.length; i++) {
      if (segments[i].equals("namespaces")) {
        String resource = segments[i + 2];
        return path.endsWith("/status") ? resource + "/status" : resource;
      }
    }
    return segments[segments.length - 1];
  }

  private static String kind(HttpRequest request) {
    String query = request.uri().getQuery();
    if (query != null && query.contains("watch=true")) {
      return "WATCH";
    }
    return "GET".equals(request.method()) && isGroupVersion(request.uri().getPath()) ? "DISCOVERY" : request.method();
  }

  /** {@code /api/v1} or {@code /apis/group/version}: which resources an API serves, read again on a timer. */
  private static boolean isGroupVersion(String path) {
    String[] segments = path.split("/");
    return segments.length == 3 && segments[1].equals("api") || segments.length == 4 && segments[1].equals("apis");
  }

  /**
   * Counts by kind, e.g. {@code DISCOVERY=5 GET=12 PATCH=3 POST=40}; writes are POST, PUT, PATCH and DELETE, and
   * a DISCOVERY is a GET of what an API group serves.
   */
  String summary() {
    return sorted(counts, " ");
  }

  /** Writes by method, resource and answer, e.g. {@code PUT progressiveagents/status 409=3}: where they go. */
  String writeTargets() {
    return sorted(writes, ", ");
  }

  private static String sorted(Map<String, LongAdder> counts, String separator) {
    var sorted = new TreeMap<String, Long>();
    counts.forEach((kind, count) -> sorted.put(kind, count.sum()));
    return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .reduce((a, b) -> a + separator + b).orElse("none");
  }
}

package dev.progressive.operator.dev;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The kubelet's readiness probes for local replicas: each replica's HTTP GET from its template, all at
 * once, and each change of readiness written to its Pod, where the Services see it.
 */
final class ReadinessProbes {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final LocalPods pods;

  ReadinessProbes(LocalPods pods) {
    this.pods = pods;
  }

  /** Returns once every replica was probed. */
  void probe(List<AgentReplica> replicas) {
    replicas.stream()
        .map(replica -> isReady(replica).thenAccept(ready -> update(replica, ready)))
        .toList()
        .forEach(CompletableFuture::join);
  }

  private CompletableFuture<Boolean> isReady(AgentReplica replica) {
    return replica.readiness.map(this::answers200).orElseGet(() -> CompletableFuture.completedFuture(replica.process.isAlive()));
  }

  private CompletableFuture<Boolean> answers200(URI uri) {
    return http.sendAsync(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding())
        .handle((response, failure) -> failure == null && response.statusCode() == 200);
  }

  private void update(AgentReplica replica, boolean ready) {
    if (replica.ready != ready && pods.reportReady(replica, ready)) {
      replica.ready = ready;
    }
  }
}

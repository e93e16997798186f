package dev.progressive.bench.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Posts webhook bodies as Alertmanager does (HTTP/1.1, bearer token) and times each until its answer. */
final class WebhookPoster implements AlertSink, AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI webhook;
  private final String token;

  WebhookPoster(URI webhook, String token) {
    this.webhook = webhook;
    this.token = token;
  }

  @Override
  public CompletableFuture<Answer> send(WebhookBodies.Alert alert) {
    String body = alert.body();
    var request = HttpRequest.newBuilder(webhook)
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    long start = System.nanoTime();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenApply(response -> new Answer(response.statusCode(), (System.nanoTime() - start) / 1e6))
        .exceptionally(e -> new Answer(-1, (System.nanoTime() - start) / 1e6));
  }

  @Override
  public void close() {
    http.close();
  }
}

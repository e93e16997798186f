package dev.progressive.bench.alerts;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The embedded API's own cost of storing an alert: one create of an object named by the fingerprint
 * and carrying the body (a ConfigMap, which no controller acts on), where a 409 is a duplicate delivery
 * stored before. The intake does this much per delivery; what it takes beyond is the intake's.
 */
final class ApiFloor implements AlertSink, AutoCloseable {
  private static final int CONFLICT = 409;
  private final KubernetesClient client;
  private final String namespace;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  ApiFloor(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  @Override
  public CompletableFuture<Answer> send(WebhookBodies.Alert alert) {
    long start = System.nanoTime();
    return CompletableFuture.supplyAsync(() -> new Answer(create(alert), (System.nanoTime() - start) / 1e6), threads);
  }

  private int create(WebhookBodies.Alert alert) {
    var stored = new ConfigMapBuilder().withNewMetadata().withName("alert-" + alert.fingerprint())
        .withNamespace(namespace).endMetadata().addToData("body", alert.body()).build();
    try {
      client.resource(stored).create();
      return 201;
    } catch (KubernetesClientException e) {
      return e.getCode() == CONFLICT ? 200 : e.getCode();
    }
  }

  @Override
  public void close() {
    threads.close();
  }
}

package dev.progressive.bench.scale;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Objects that are not the operator's, as other teams keep them on a shared cluster: Deployments,
 * Services and ConfigMaps in equal shares over namespaces of their own, labelled as another tool's.
 * The operator's informers select its own label, so none of these may reach its heap; the ConfigMaps
 * carry 1 KiB of data each so that caching them would show there.
 */
final class UnrelatedObjects {
  static final int NAMESPACES = 10;
  private static final String NAMESPACE_PREFIX = "unrelated-";
  private static final Map<String, String> LABELS = Map.of(
      "app.kubernetes.io/managed-by", "helm", "app.kubernetes.io/part-of", "someone-else", "bench", "unrelated");
  private static final String SELECTOR = "bench=unrelated";
  private static final int CONFIG_MAP_BYTES = 1024;
  // Enough requests in flight to keep the mock's one thread busy between round trips.
  private static final int CREATORS = 16;

  private UnrelatedObjects() {}

  /** Creates {@code count} objects, {@value #CREATORS} at a time; answers the milliseconds it took. */
  static long create(KubernetesClient client, int count) throws InterruptedException {
    long start = System.nanoTime();
    try (ExecutorService creators = Executors.newFixedThreadPool(CREATORS)) {
      var created = IntStream.range(0, count)
          .mapToObj(i -> creators.submit(() -> client.resource(object(i)).create()))
          .toList();
      for (Future<?> each : created) {
        awaitCreated(each);
      }
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** What caching the ConfigMaps among {@code count} objects would take at the least: their data alone. */
  static long configMapDataBytes(int count) {
    return (long) (count / 3) * CONFIG_MAP_BYTES;
  }

  /** How many of them the API holds: to show they were there for the operator to see. */
  static int stored(KubernetesClient client) {
    return client.apps().deployments().inAnyNamespace().withLabelSelector(SELECTOR).list().getItems().size()
        + client.services().inAnyNamespace().withLabelSelector(SELECTOR).list().getItems().size()
        + client.configMaps().inAnyNamespace().withLabelSelector(SELECTOR).list().getItems().size();
  }

  private static void awaitCreated(Future<?> creation) throws InterruptedException {
    try {
      creation.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create an unrelated object", e.getCause());
    }
  }

  /** The i-th object: kinds take turns, and each kind's objects spread over the namespaces evenly. */
  private static HasMetadata object(int i) {
    ObjectMeta meta = new ObjectMetaBuilder().withName(String.format("unrelated-%05d", i))
        .withNamespace(NAMESPACE_PREFIX + (i / 3) % NAMESPACES).withLabels(LABELS).build();
    return switch (i % 3) {
      case 0 -> deployment(meta);
      case 1 -> service(meta);
      default -> new ConfigMapBuilder().withMetadata(meta).addToData("payload", payload()).build();
    };
  }

  private static HasMetadata deployment(ObjectMeta meta) {
    return new DeploymentBuilder().withMetadata(meta)
        .withNewSpec().withReplicas(1)
        .withNewSelector().addToMatchLabels("app", meta.getName()).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", meta.getName()).endMetadata()
        .withNewSpec().addNewContainer().withName("app").withImage("nginx:1.27").endContainer().endSpec()
        .endTemplate().endSpec().build();
  }

  private static HasMetadata service(ObjectMeta meta) {
    return new ServiceBuilder().withMetadata(meta)
        .withNewSpec().addToSelector("app", meta.getName()).addNewPort().withPort(80).endPort().endSpec().build();
  }

  /** Random letters, so that no layer can share or compress one ConfigMap's data with another's. */
  private static String payload() {
    var random = ThreadLocalRandom.current();
    var letters = new char[CONFIG_MAP_BYTES];
    for (int i = 0; i < letters.length; i++) {
      letters[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(letters);
  }
}

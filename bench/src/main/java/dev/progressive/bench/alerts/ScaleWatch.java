package dev.progressive.bench.alerts;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sees mitigations land: when each Deployment's replicas first reach the scaled value, and how many
 * times they were raised to it (more than once per target would be a duplicate action).
 */
final class ScaleWatch implements AutoCloseable {
  private final Map<String, Long> scaledAt = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> scaleUps = new ConcurrentHashMap<>();
  private final SharedIndexInformer<Deployment> informer;

  ScaleWatch(KubernetesClient client, int scaledReplicas) {
    this.informer = client.apps().deployments().inAnyNamespace().inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Deployment deployment) {
      }

      @Override
      public void onUpdate(Deployment previous, Deployment deployment) {
        if (replicas(deployment) == scaledReplicas && !Objects.equals(replicas(previous), replicas(deployment))) {
          String key = key(deployment.getMetadata().getNamespace(), deployment.getMetadata().getName());
          scaledAt.putIfAbsent(key, System.nanoTime());
          scaleUps.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
      }

      @Override
      public void onDelete(Deployment deployment, boolean finalStateUnknown) {
      }
    }, 0);
  }

  /** The nanoTime at which the agent's Deployment was first seen scaled, waiting at most {@code patience}. */
  Optional<Long> awaitScaled(String namespace, String agent, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    String key = key(namespace, agent);
    while (!scaledAt.containsKey(key) && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    return Optional.ofNullable(scaledAt.get(key));
  }

  /** Targets in the namespace raised to the scaled replicas more than once. */
  long duplicateScaleUps(String namespace) {
    return scaleUps.entrySet().stream().filter(e -> e.getKey().startsWith(namespace + "/"))
        .filter(e -> e.getValue().get() > 1).count();
  }

  long scaledTargets(String namespace) {
    return scaledAt.keySet().stream().filter(k -> k.startsWith(namespace + "/")).count();
  }

  private static Integer replicas(Deployment deployment) {
    return deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  @Override
  public void close() {
    informer.close();
  }
}

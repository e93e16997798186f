package dev.progressive.operator.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prometheus-operator {@code Prometheus} resources the operator may read, and the labels of
 * namespaces their namespace selectors look at; each re-read at most once per period. An operator
 * confined to some namespaces may not list cluster-wide: it then reads the agent's namespace only.
 */
public final class PrometheusInstances {
  private final KubernetesClient client;
  private final Duration refresh;
  private final Clock clock;
  private final Expiring<Optional<List<PrometheusSelectors>>> clusterWide;
  private final Map<String, Expiring<Optional<List<PrometheusSelectors>>>> perNamespace = new ConcurrentHashMap<>();
  private final Map<String, Expiring<Optional<Map<String, String>>>> namespaceLabels = new ConcurrentHashMap<>();

  public PrometheusInstances(KubernetesClient client, Duration refresh, Clock clock) {
    this.client = client;
    this.refresh = refresh;
    this.clock = clock;
    this.clusterWide = new Expiring<>(() -> list(null), refresh, clock);
  }

  /** The Prometheus resources visible from {@code namespace}, or empty when the operator may read none. */
  public Optional<List<PrometheusSelectors>> visibleFrom(String namespace) {
    return clusterWide.get().or(() -> perNamespace
        .computeIfAbsent(namespace, ns -> new Expiring<>(() -> list(ns), refresh, clock)).get());
  }

  /** A namespace's labels, or empty when the operator may not read the namespace. */
  public Optional<Map<String, String>> labelsOf(String namespace) {
    return namespaceLabels.computeIfAbsent(namespace, ns -> new Expiring<>(() -> readLabels(ns), refresh, clock)).get();
  }

  private Optional<List<PrometheusSelectors>> list(String namespace) {
    var resources = client.resources(Prometheus.class);
    try {
      var items = namespace == null ? resources.inAnyNamespace().list().getItems() : resources.inNamespace(namespace).list().getItems();
      return Optional.of(items.stream()
          .sorted(Comparator.comparing((Prometheus p) -> p.getMetadata().getNamespace())
              .thenComparing(p -> p.getMetadata().getName()))
          .map(p -> PrometheusSelectors.of(p, client.getKubernetesSerialization()))
          .toList());
    } catch (KubernetesClientException forbiddenOrNotServed) {
      return Optional.empty();
    }
  }

  private Optional<Map<String, String>> readLabels(String namespace) {
    try {
      var found = client.namespaces().withName(namespace).get();
      var labels = new HashMap<String, String>();
      if (found != null && found.getMetadata().getLabels() != null) {
        labels.putAll(found.getMetadata().getLabels());
      }
      // The API server sets it on every namespace; namespace selectors often match on it.
      labels.put("kubernetes.io/metadata.name", namespace);
      return Optional.of(Map.copyOf(labels));
    } catch (KubernetesClientException forbidden) {
      return Optional.empty();
    }
  }
}

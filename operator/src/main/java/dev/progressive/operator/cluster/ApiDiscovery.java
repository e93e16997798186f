package dev.progressive.operator.cluster;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which {@link OptionalApi}s the cluster serves, from its discovery documents. Discovery is open to
 * every authenticated user, so this needs no ClusterRole (reading CRDs would).
 */
public final class ApiDiscovery {
  private final KubernetesClient client;
  private final Expiring<Set<OptionalApi>> installed;

  public ApiDiscovery(KubernetesClient client, Duration refresh, Clock clock) {
    this.client = client;
    this.installed = new Expiring<>(this::read, refresh, clock);
  }

  /** The optional APIs the cluster served when last asked (at most one refresh period ago). */
  public Set<OptionalApi> installed() {
    return installed.get();
  }

  private Set<OptionalApi> read() {
    var found = EnumSet.noneOf(OptionalApi.class);
    for (var api : OptionalApi.values()) {
      if (serves(api)) {
        found.add(api);
      }
    }
    return Set.copyOf(found);
  }

  private boolean serves(OptionalApi api) {
    try {
      APIResourceList resources = client.getApiResources(api.apiVersion());
      return resources != null && resources.getResources().stream().anyMatch(r -> api.plural().equals(r.getName()));
    } catch (KubernetesClientException notServed) {
      return false;
    }
  }
}

package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The CRDs in the cluster's store, read once after each change: discovery, the OpenAPI documents and
 * admission all ask for them, and the mock scans its whole store on every read.
 */
final class StoredCrds {
  private final KubernetesSerialization serialization = new KubernetesSerialization();
  private final Supplier<String> listJson;
  private final AtomicLong changes = new AtomicLong();
  private volatile Snapshot cached = new Snapshot(-1, List.of());

  private record Snapshot(long changes, List<CustomResourceDefinition> crds) {}

  /** Reads the CRDs from listJson, the body of a list of them. */
  StoredCrds(Supplier<String> listJson) {
    this.listJson = listJson;
  }

  /** Call after every write to the CRDs. */
  void changed() {
    changes.incrementAndGet();
  }

  List<CustomResourceDefinition> all() {
    long seen = changes.get();
    var snapshot = cached;
    if (snapshot.changes() != seen) {
      // A change during the read makes the next call read again.
      snapshot = new Snapshot(seen, List.copyOf(serialization.unmarshal(listJson.get(), CustomResourceDefinitionList.class).getItems()));
      cached = snapshot;
    }
    return snapshot.crds();
  }

  Optional<CustomResourceDefinition> find(String group, String plural) {
    return all().stream()
        .filter(crd -> crd.getSpec().getGroup().equals(group) && crd.getSpec().getNames().getPlural().equals(plural))
        .findFirst();
  }

  static Optional<CustomResourceDefinitionVersion> version(CustomResourceDefinition crd, String version) {
    return crd.getSpec().getVersions().stream().filter(v -> v.getName().equals(version)).findFirst();
  }
}

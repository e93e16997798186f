package dev.progressive.operator.dev;

import dev.progressive.operator.Crds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stands in for Kubernetes' garbage collector, which the dev cluster does not have: when one of the
 * operator's custom resources is deleted, deletes the objects whose owner references name it, of every
 * namespaced kind the cluster serves. Like the real collector, it relies on nothing but those owner
 * references, and knows no list of the operator's children.
 */
public final class GarbageCollectorStandIn implements AutoCloseable {
  private static final String CORE = "v1";
  private static final List<String> COLLECTING_VERBS = List.of("list", "delete");

  private final KubernetesClient client;
  private final List<SharedIndexInformer<GenericKubernetesResource>> informers;

  public GarbageCollectorStandIn(KubernetesClient client) {
    this.client = client;
    this.informers = Crds.load().stream().map(this::watchDeletes).toList();
  }

  private SharedIndexInformer<GenericKubernetesResource> watchDeletes(CustomResourceDefinition crd) {
    var spec = crd.getSpec();
    var apiVersion = spec.getGroup() + "/" + spec.getVersions().get(0).getName();
    return client.genericKubernetesResources(apiVersion, spec.getNames().getKind()).inAnyNamespace()
        .inform(new ResourceEventHandler<>() {
          @Override
          public void onAdd(GenericKubernetesResource owner) {
            // Only deletions matter here.
          }

          @Override
          public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource owner) {
            // Only deletions matter here.
          }

          @Override
          public void onDelete(GenericKubernetesResource owner, boolean finalStateUnknown) {
            deleteChildrenOf(owner);
          }
        }, 0);
  }

  private void deleteChildrenOf(HasMetadata owner) {
    var uid = owner.getMetadata().getUid();
    for (var kind : servedKinds()) {
      children(kind, owner.getMetadata().getNamespace()).stream()
          .filter(child -> child.getMetadata().getOwnerReferences().stream().anyMatch(ref -> uid.equals(ref.getUid())))
          .forEach(child -> client.resource(child).delete());
    }
  }

  /** Every namespaced kind the cluster serves that can be listed and deleted, as discovery says: apiVersion and kind. */
  private List<List<String>> servedKinds() {
    var groupVersions = Stream.concat(Stream.of(CORE),
        client.getApiGroups().getGroups().stream().flatMap(group -> group.getVersions().stream())
            .map(version -> version.getGroupVersion()));
    return groupVersions.flatMap(groupVersion -> Optional.ofNullable(client.getApiResources(groupVersion)).stream()
            .flatMap(list -> list.getResources().stream())
            .filter(r -> Boolean.TRUE.equals(r.getNamespaced()) && !r.getName().contains("/")
                && r.getVerbs().containsAll(COLLECTING_VERBS))
            .map(r -> List.of(groupVersion, r.getKind())))
        .distinct()
        .toList();
  }

  /** The objects of one kind in a namespace; none when the cluster stopped serving the kind meanwhile. */
  private List<GenericKubernetesResource> children(List<String> kind, String namespace) {
    try {
      return client.genericKubernetesResources(kind.get(0), kind.get(1)).inNamespace(namespace).list().getItems();
    } catch (KubernetesClientException notServed) {
      return List.of();
    }
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }
}

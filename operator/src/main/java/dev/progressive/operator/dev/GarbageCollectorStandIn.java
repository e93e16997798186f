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

/**
 * Stands in for Kubernetes' garbage collector, which the dev cluster does not have: when one of the
 * operator's custom resources is deleted, deletes the objects whose owner references name it. Like
 * the real collector, it relies on nothing but those owner references.
 */
public final class GarbageCollectorStandIn implements AutoCloseable {
  /** The kinds of object the operator creates as children: apiVersion and kind. */
  private static final List<List<String>> CHILD_KINDS = List.of(
      List.of("apps/v1", "Deployment"),
      List.of("v1", "Service"),
      List.of("v1", "ConfigMap"),
      List.of("monitoring.coreos.com/v1", "ServiceMonitor"),
      List.of("monitoring.coreos.com/v1", "PrometheusRule"),
      List.of("monitoring.coreos.com/v1alpha1", "AlertmanagerConfig"),
      List.of("grafana.integreatly.org/v1beta1", "GrafanaDashboard"));

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
    for (var kind : CHILD_KINDS) {
      children(kind, owner.getMetadata().getNamespace()).stream()
          .filter(child -> child.getMetadata().getOwnerReferences().stream().anyMatch(ref -> uid.equals(ref.getUid())))
          .forEach(child -> client.resource(child).delete());
    }
  }

  /** The objects of one kind in a namespace; none when the cluster does not serve the kind (no CRD installed). */
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

package dev.progressive.operator.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A prometheus-operator ServiceMonitor: which Services Prometheus scrapes, and how. Untyped inside (fabric8 has no model of it here), but a class of its own, so that the
 * client needs no discovery to address it and informers of different kinds never mix.
 */
@Group("monitoring.coreos.com")
@Version("v1")
@Kind("ServiceMonitor")
@Plural("servicemonitors")
public class ServiceMonitor extends GenericKubernetesResource implements Namespaced {
  public ServiceMonitor() {
    setApiVersion(HasMetadata.getApiVersion(getClass()));
    setKind(HasMetadata.getKind(getClass()));
  }
}

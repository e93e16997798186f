package dev.progressive.operator.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A prometheus-operator AlertmanagerConfig: routes and receivers merged into the selecting Alertmanager. Untyped inside (fabric8 has no model of it here), but a class of its own, so that the
 * client needs no discovery to address it and informers of different kinds never mix.
 */
@Group("monitoring.coreos.com")
@Version("v1alpha1")
@Kind("AlertmanagerConfig")
@Plural("alertmanagerconfigs")
public class AlertmanagerConfig extends GenericKubernetesResource implements Namespaced {
  public AlertmanagerConfig() {
    setApiVersion(HasMetadata.getApiVersion(getClass()));
    setKind(HasMetadata.getKind(getClass()));
  }
}

package dev.progressive.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.Cloner;

/**
 * Clones a resource before a reconcile, as JOSDK does by default (a serialization round trip), and
 * carries over what could not be read: that list is never serialized, so without this every
 * reconcile would see a malformed resource as a valid one with defaults in place of the bad values.
 */
public final class ResourceCloner implements Cloner {
  private final KubernetesSerialization serialization;

  public ResourceCloner(KubernetesSerialization serialization) {
    this.serialization = serialization;
  }

  @Override
  public <R extends HasMetadata> R clone(R object) {
    var copy = serialization.clone(object);
    if (object instanceof ProgressiveResource<?, ?> original && copy instanceof ProgressiveResource<?, ?> cloned) {
      cloned.unreadable(original.unreadable());
    }
    return copy;
  }
}

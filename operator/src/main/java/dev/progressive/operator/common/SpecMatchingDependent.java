package dev.progressive.operator.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher.Result;

/**
 * A {@link RecordingDependent} of an untyped kind whose spec must equal the desired one. The default
 * matcher lets the cluster's copy hold more than desired (for defaults the API server adds), which
 * would keep a rule or an alert route that the spec no longer asks for.
 */
public abstract class SpecMatchingDependent<R extends GenericKubernetesResource, P extends HasMetadata>
    extends RecordingDependent<R, P> {

  protected SpecMatchingDependent(Class<R> resourceType) {
    super(resourceType);
  }

  @Override
  public Result<R> match(R actual, R desired, P primary, Context<P> context) {
    var serialization = context.getClient().getKubernetesSerialization();
    var labels = actual.getMetadata().getLabels();
    boolean matches = labels != null && labels.entrySet().containsAll(desired.getMetadata().getLabels().entrySet())
        && spec(serialization, desired).equals(spec(serialization, actual));
    return Result.computed(matches, desired);
  }

  /** The spec as parsed JSON, so that numbers compare alike whichever Java type built them. */
  private static JsonNode spec(KubernetesSerialization serialization, GenericKubernetesResource resource) {
    return serialization.unmarshal(serialization.asJson(resource.getAdditionalProperties().get("spec")), JsonNode.class);
  }
}

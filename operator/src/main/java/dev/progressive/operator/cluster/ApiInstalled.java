package dev.progressive.operator.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Activation condition of a dependent of an {@link OptionalApi}: while the API is missing, the
 * dependent and its informer stay out of the workflow (an informer on a missing API would fail), and
 * once the API appears java-operator-sdk registers the informer on the next reconcile.
 */
public class ApiInstalled<R, P extends HasMetadata> implements Condition<R, P> {
  @Override
  public boolean isMet(DependentResource<R, P> dependent, P primary, Context<P> context) {
    var api = OptionalApi.of(dependent.resourceType())
        .orElseThrow(() -> new IllegalStateException(dependent.resourceType() + " is not an optional API"));
    return MonitoringSetup.in(context).has(api);
  }
}

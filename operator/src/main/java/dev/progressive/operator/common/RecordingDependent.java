package dev.progressive.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * A converging dependent that notes, for the one Event of its reconcile ({@link ChildChanges}), when it
 * creates or changes a child. A no-change resync creates and updates nothing, so it notes nothing.
 */
public abstract class RecordingDependent<R extends HasMetadata, P extends HasMetadata> extends ConvergingDependent<R, P> {

  protected RecordingDependent(Class<R> resourceType) {
    super(resourceType);
  }

  @Override
  public R create(R desired, P primary, Context<P> context) {
    var created = super.create(desired, primary, context);
    ChildChanges.created(context, desired);
    return created;
  }

  @Override
  public R update(R actual, R desired, P primary, Context<P> context) {
    var updated = super.update(actual, desired, primary, context);
    ChildChanges.updated(context, desired);
    return updated;
  }
}

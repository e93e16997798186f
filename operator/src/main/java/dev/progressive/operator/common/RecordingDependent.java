package dev.progressive.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Clock;

/**
 * A converging dependent that tells the primary's readers, through Events, when it creates or changes
 * a child. A no-change resync creates and updates nothing, so it records nothing.
 */
public abstract class RecordingDependent<R extends HasMetadata, P extends HasMetadata> extends ConvergingDependent<R, P> {

  private static final String CLOCK = "clock";

  protected RecordingDependent(Class<R> resourceType) {
    super(resourceType);
  }

  @Override
  public R create(R desired, P primary, Context<P> context) {
    var created = super.create(desired, primary, context);
    events(context).normal(primary, "Created" + desired.getKind(),
        "Created " + desired.getKind() + " " + desired.getMetadata().getName());
    return created;
  }

  @Override
  public R update(R actual, R desired, P primary, Context<P> context) {
    var updated = super.update(actual, desired, primary, context);
    events(context).normal(primary, "Updated" + desired.getKind(),
        "Updated " + desired.getKind() + " " + desired.getMetadata().getName() + " to match the spec");
    return updated;
  }

  /** Hands the reconciler's clock to its dependents, which date their Events by it. */
  public static void useClock(Context<?> context, Clock clock) {
    context.managedWorkflowAndDependentResourceContext().put(CLOCK, clock);
  }

  private static EventRecorder events(Context<?> context) {
    return new EventRecorder(context.getClient(),
        context.managedWorkflowAndDependentResourceContext().getMandatory(CLOCK, Clock.class));
  }
}

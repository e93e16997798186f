package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.common.RecordingDependent;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.function.Function;

/**
 * One component of a stack: its objects are a pure function of the stack and its namespace's monitoring
 * setup, so that `render` builds the same objects from the same list ({@link StackChildren}) without a
 * cluster. Most components are one object; the dashboards as GrafanaDashboards are several.
 */
public abstract class StackDependent<R extends HasMetadata> extends RecordingDependent<R, ObservabilityStack> {

  private final Function<ObservabilityStack, String> nameWithoutSpec;

  protected StackDependent(Class<R> resourceType) {
    this(resourceType, null);
  }

  /**
   * For an optional one-object component: java-operator-sdk looks its object up by this name to delete
   * it once the component is removed from the spec, when there is nothing left to build it from.
   */
  protected StackDependent(Class<R> resourceType, Function<ObservabilityStack, String> nameWithoutSpec) {
    super(resourceType);
    this.nameWithoutSpec = nameWithoutSpec;
  }

  abstract List<R> children(ObservabilityStack stack, MonitoringSetup setup);

  /**
   * Whether the stack has this component (its reconcile precondition). When it stops holding (a
   * component removed from the spec, dashboards switched to the other delivery), java-operator-sdk
   * deletes what the dependent had created.
   */
  boolean wanted(ObservabilityStack stack, MonitoringSetup setup) {
    return true;
  }

  @Override
  protected R desired(ObservabilityStack stack, Context<ObservabilityStack> context) {
    return children(stack, MonitoringSetup.in(context)).get(0);
  }

  @Override
  protected ResourceID targetSecondaryResourceID(ObservabilityStack stack, Context<ObservabilityStack> context) {
    return nameWithoutSpec == null ? super.targetSecondaryResourceID(stack, context)
        : new ResourceID(nameWithoutSpec.apply(stack), stack.getMetadata().getNamespace());
  }

  /** The reconcile precondition of an optional component: the dependent's own {@link #wanted}. */
  public static class Wanted<R extends HasMetadata> implements Condition<R, ObservabilityStack> {
    @Override
    public boolean isMet(DependentResource<R, ObservabilityStack> dependent, ObservabilityStack stack,
        Context<ObservabilityStack> context) {
      return ((StackDependent<R>) dependent).wanted(stack, MonitoringSetup.in(context));
    }
  }
}

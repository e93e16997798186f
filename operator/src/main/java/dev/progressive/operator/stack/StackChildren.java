package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.StackPreferences;
import dev.progressive.operator.common.WorkflowDependents;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * Every object the operator creates for one stack, in the order `render` prints them: the components of
 * {@link ObservabilityStackReconciler}'s workflow the stack has, on a cluster with every monitoring API.
 */
public final class StackChildren {
  @SuppressWarnings("rawtypes")
  private static final List<StackDependent> DEPENDENTS = WorkflowDependents.of(ObservabilityStackReconciler.class, StackDependent.class);

  private StackChildren() {}

  @SuppressWarnings("unchecked")
  public static List<HasMetadata> desired(ObservabilityStack stack) {
    var setup = MonitoringSetup.withEveryApi(stack.getMetadata().getNamespace(), Optional.of(StackPreferences.of(stack)));
    return DEPENDENTS.stream().filter(d -> d.wanted(stack, setup))
        .flatMap(d -> ((List<HasMetadata>) d.children(stack, setup)).stream()).toList();
  }
}

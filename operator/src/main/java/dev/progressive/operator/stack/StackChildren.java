package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.StackPreferences;
import dev.progressive.operator.cluster.StackTracing;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every object the operator creates for one stack, in the order `render` prints them. */
public final class StackChildren {
  private StackChildren() {}

  /** Keep in step with the dependents of {@link ObservabilityStackReconciler}, on a cluster with every monitoring API. */
  public static List<HasMetadata> desired(ObservabilityStack stack) {
    var setup = MonitoringSetup.withEveryApi(stack.getMetadata().getNamespace(),
        Optional.of(StackPreferences.of(stack)));
    var children = new ArrayList<HasMetadata>();
    children.add(StackRules.desired(stack, setup));
    if (stack.getSpec().getAlerting() != null) {
      children.add(StackAlerting.desired(stack, setup));
    }
    if (setup.grafanaInstance().isPresent()) {
      children.addAll(StackDashboards.grafanaDashboards(stack, setup.grafanaInstance().get()));
    } else {
      children.add(StackDashboards.configMap(stack));
    }
    if (stack.getSpec().getLogging() != null) {
      children.add(LokiDatasource.configMap(stack));
    }
    if (StackTracing.runsJaeger(stack)) {
      children.add(Jaeger.deployment(stack));
      children.add(Jaeger.service(stack));
    }
    return children;
  }
}

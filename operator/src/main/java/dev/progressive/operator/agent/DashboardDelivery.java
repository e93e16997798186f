package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.MonitoringSetup;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile preconditions that pick one of the two dashboard dependents. When one stops holding,
 * java-operator-sdk deletes that dependent's object, so switching delivery leaves no stale copy.
 */
public final class DashboardDelivery {
  private DashboardDelivery() {}

  static boolean asGrafanaDashboard(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    return AgentDashboard.enabled(agent) && MonitoringSetup.in(context).grafanaInstance().isPresent();
  }

  /** The dashboard goes to a GrafanaDashboard. */
  public static class AsCustomResource<R extends HasMetadata> implements Condition<R, ProgressiveAgent> {
    @Override
    public boolean isMet(DependentResource<R, ProgressiveAgent> dependent, ProgressiveAgent agent, Context<ProgressiveAgent> context) {
      return asGrafanaDashboard(agent, context);
    }
  }

  /** The dashboard goes to a sidecar ConfigMap. */
  public static class AsConfigMap<R extends HasMetadata> implements Condition<R, ProgressiveAgent> {
    @Override
    public boolean isMet(DependentResource<R, ProgressiveAgent> dependent, ProgressiveAgent agent, Context<ProgressiveAgent> context) {
      return AgentDashboard.enabled(agent) && !asGrafanaDashboard(agent, context);
    }
  }
}

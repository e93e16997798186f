package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.StackTracing;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import java.util.function.BiPredicate;

/**
 * Reconcile preconditions of the stack's optional components. When one stops holding (a component
 * removed from the spec, dashboards switched to the other delivery), java-operator-sdk deletes what
 * that dependent had created.
 */
public final class StackPreconditions {
  private StackPreconditions() {}

  static boolean dashboardsAsCustomResources(Context<ObservabilityStack> context) {
    return MonitoringSetup.in(context).grafanaInstance().isPresent();
  }

  abstract static class SpecCondition implements Condition<Object, ObservabilityStack> {
    private final BiPredicate<ObservabilityStack, Context<ObservabilityStack>> holds;

    SpecCondition(BiPredicate<ObservabilityStack, Context<ObservabilityStack>> holds) {
      this.holds = holds;
    }

    @Override
    public boolean isMet(DependentResource<Object, ObservabilityStack> dependent, ObservabilityStack stack,
        Context<ObservabilityStack> context) {
      return holds.test(stack, context);
    }
  }

  public static class AlertingConfigured extends SpecCondition {
    public AlertingConfigured() {
      super((stack, context) -> stack.getSpec().getAlerting() != null);
    }
  }

  public static class LoggingConfigured extends SpecCondition {
    public LoggingConfigured() {
      super((stack, context) -> stack.getSpec().getLogging() != null);
    }
  }

  public static class RunsJaeger extends SpecCondition {
    public RunsJaeger() {
      super((stack, context) -> StackTracing.runsJaeger(stack));
    }
  }

  public static class DashboardsAsCustomResources extends SpecCondition {
    public DashboardsAsCustomResources() {
      super((stack, context) -> dashboardsAsCustomResources(context));
    }
  }

  public static class DashboardsInConfigMap extends SpecCondition {
    public DashboardsInConfigMap() {
      super((stack, context) -> !dashboardsAsCustomResources(context));
    }
  }
}

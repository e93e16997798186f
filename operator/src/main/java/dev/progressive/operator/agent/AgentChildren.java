package dev.progressive.operator.agent;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.StackPreferences;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every object the operator creates for one agent, in the order `render` prints them. */
public final class AgentChildren {
  private AgentChildren() {}

  /**
   * Keep in step with the dependents of {@link AgentReconciler}: this is their desired state on a
   * cluster with every monitoring API, in a namespace governed by {@code stack}.
   */
  public static List<HasMetadata> desired(ProgressiveAgent agent, Optional<ObservabilityStack> stack) {
    var setup = MonitoringSetup.withEveryApi(agent.getMetadata().getNamespace(),
        stack.map(StackPreferences::of));
    var children = new ArrayList<HasMetadata>(List.of(
        AgentDeployment.desired(StackDefaults.applied(agent, stack), ActiveMitigations.NONE),
        AgentService.desired(agent),
        CircuitBreakerConfig.desired(agent, ActiveMitigations.NONE),
        AgentServiceMonitor.desired(agent, setup),
        AgentPrometheusRule.desired(agent, setup)));
    if (AgentDashboard.enabled(agent)) {
      children.add(setup.grafanaInstance().<HasMetadata>map(instance -> AgentDashboard.grafanaDashboard(agent, instance))
          .orElseGet(() -> AgentDashboard.configMap(agent)));
    }
    return children;
  }
}

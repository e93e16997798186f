package dev.progressive.operator.agent;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.StackPreferences;
import dev.progressive.operator.common.WorkflowDependents;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * Every object the operator creates for one agent, in the order `render` prints them: the dependents of
 * {@link AgentReconciler}'s workflow, each asked for its desired state on a cluster with every monitoring
 * API and no open Incident, in a namespace governed by {@code stack}.
 */
public final class AgentChildren {
  @SuppressWarnings("rawtypes")
  private static final List<AgentDependent> DEPENDENTS = WorkflowDependents.of(AgentReconciler.class, AgentDependent.class);

  private AgentChildren() {}

  public static List<HasMetadata> desired(ProgressiveAgent agent, Optional<ObservabilityStack> stack) {
    var plan = new AgentPlan(stack, ActiveMitigations.NONE,
        MonitoringSetup.withEveryApi(agent.getMetadata().getNamespace(), stack.map(StackPreferences::of)),
        Optional.empty(), PodQuarantine.Plan.NONE, new AgentDeployments(Optional.empty(), Optional.empty()),
        Optional.of(AgentRollout.direct(AgentDeployment.template(StackDefaults.applied(agent, stack)),
            ActiveMitigations.NONE.replicas(agent.getSpec()))));
    return DEPENDENTS.stream().filter(d -> d.wanted(agent, plan)).<HasMetadata>map(d -> d.desired(agent, plan)).toList();
  }
}

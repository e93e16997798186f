package dev.progressive.operator.agent;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.MonitoringDiscovery;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.NamespaceStack;
import dev.progressive.operator.cluster.StackPreferences;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Optional;

/**
 * What one reconcile of an agent works from, read once from the caches and shared by the dependents and
 * the status, so that none of them sees a different set of mitigations or stack than the others.
 *
 * @param stack the ObservabilityStack that governs the agent's namespace, if any
 * @param mitigations what the open Incidents hold on the agent, and the restart stamp its pods carry
 * @param monitoring the monitoring APIs and labels of the agent's namespace
 */
public record AgentPlan(Optional<ObservabilityStack> stack, ActiveMitigations mitigations, MonitoringSetup monitoring) {
  private static final String KEY = "agent-plan";

  public static AgentPlan of(ProgressiveAgent agent, Context<ProgressiveAgent> context, MonitoringDiscovery discovery) {
    var namespace = agent.getMetadata().getNamespace();
    var stack = NamespaceStack.of(context, namespace);
    return new AgentPlan(stack,
        ActiveMitigations.of(agent, context.getSecondaryResources(Incident.class)).keepingRestart(restartStamp(context)),
        discovery.setupFor(namespace, stack.map(StackPreferences::of)));
  }

  /** The restart stamp the pod template carries, so that no later change rolls the pods again. */
  private static Optional<String> restartStamp(Context<ProgressiveAgent> context) {
    return context.getSecondaryResource(Deployment.class)
        .map(d -> d.getSpec().getTemplate().getMetadata().getAnnotations())
        .map(annotations -> annotations.get(AgentDeployment.RESTARTED_AT));
  }

  /** Hands the plan, and its monitoring setup, to the dependents of this reconcile. */
  public void store(Context<ProgressiveAgent> context) {
    monitoring.store(context);
    context.managedWorkflowAndDependentResourceContext().put(KEY, this);
  }

  public static AgentPlan in(Context<ProgressiveAgent> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(KEY, AgentPlan.class);
  }
}

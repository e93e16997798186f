package dev.progressive.operator.agent;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.AvailabilityFloor;
import dev.progressive.operator.cluster.MonitoringDiscovery;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.NamespaceStack;
import dev.progressive.operator.cluster.StackPreferences;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Optional;

/**
 * What one reconcile of an agent works from, read once from the caches and shared by the dependents and
 * the status, so that none of them sees a different set of mitigations or stack than the others.
 *
 * @param stack the ObservabilityStack that governs the agent's namespace, if any
 * @param mitigations what the open Incidents hold on the agent, and the restart stamp its pods carry
 * @param monitoring the monitoring APIs and labels of the agent's namespace
 * @param floor the agent's availability floor; empty while its spec is invalid, as nothing then acts on it
 * @param serving the serving labels the quarantine asks of the agent's pods, within the floor
 * @param deployments the agent's Deployments as the cache has them; once {@link #applied}, as the workflow left them
 * @param rollout this reconcile's rollout decision; empty when none was made (an invalid spec, a failed reconcile)
 */
public record AgentPlan(Optional<ObservabilityStack> stack, ActiveMitigations mitigations, MonitoringSetup monitoring,
    Optional<AvailabilityFloor> floor, PodQuarantine.Plan serving, AgentDeployments deployments,
    Optional<AgentRollout> rollout) {
  private static final String KEY = "agent-plan";

  /** The plan without a rollout decision: what status is told from when nothing is to move. */
  public static AgentPlan of(ProgressiveAgent agent, Context<ProgressiveAgent> context, MonitoringDiscovery discovery) {
    var namespace = agent.getMetadata().getNamespace();
    var stack = NamespaceStack.of(context, namespace);
    var deployments = AgentDeployments.of(agent, context.getSecondaryResources(Deployment.class));
    // The restart stamp the pods carry, so that no later change rolls them again.
    var mitigations = ActiveMitigations.of(agent, context.getSecondaryResources(Incident.class))
        .keepingRestart(deployments.stable().flatMap(AgentDeployment::restartStamp));
    var floor = floor(agent, context, mitigations);
    var serving = floor.map(f -> PodQuarantine.plan(context.getSecondaryResources(Pod.class), mitigations.quarantine(), f))
        .orElse(PodQuarantine.Plan.NONE);
    return new AgentPlan(stack, mitigations, discovery.setupFor(namespace, stack.map(StackPreferences::of)), floor, serving,
        deployments, Optional.empty());
  }

  /** The plan with the rollout decided, for a reconcile that applies the children: only a valid spec has one. */
  AgentPlan deciding(ProgressiveAgent agent, AgentRollouts rollouts) {
    var rollout = rollouts.decide(StackDefaults.applied(agent, stack), stack, deployments, mitigations.replicas(agent.getSpec()));
    return new AgentPlan(stack, mitigations, monitoring, floor, serving, deployments, Optional.of(rollout));
  }

  /**
   * The plan with the Deployments as the workflow just left them (the informer's cache holds what it wrote),
   * so that the status tells what now runs, not what ran before this reconcile.
   */
  AgentPlan applied(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    var written = AgentDeployments.of(agent, context.getSecondaryResources(Deployment.class));
    return new AgentPlan(stack, mitigations, monitoring, floor, serving, written, rollout);
  }

  /** From the budgets of the agent's namespace; an invalid spec may lack what the floor is computed from. */
  private static Optional<AvailabilityFloor> floor(ProgressiveAgent agent, Context<ProgressiveAgent> context,
      ActiveMitigations mitigations) {
    if (!SpecValidation.validate(agent).isEmpty()) {
      return Optional.empty();
    }
    var budgets = (InformerEventSource<PodDisruptionBudget, ProgressiveAgent>) context.eventSourceRetriever()
        .getEventSourceFor(PodDisruptionBudget.class);
    return Optional.of(AvailabilityFloor.of(agent.getSpec(), AgentDeployment.podLabels(agent),
        mitigations.replicas(agent.getSpec()), budgets.list(agent.getMetadata().getNamespace()).toList()));
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

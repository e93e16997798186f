package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.common.ControllerStopped;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;

/**
 * The serving label of the agent's pods as the plan wants it: unhealthy pods out of the Service while an
 * Incident holds a quarantine, as far as the availability floor allows, back once none does
 * ({@link PodQuarantine}). The pods belong to the Deployment, so this child is a label on each of them,
 * not an object of its own.
 */
public class ServingPodsDependent implements DependentResource<Pod, ProgressiveAgent> {

  @Override
  public ReconcileResult<Pod> reconcile(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    var changes = AgentPlan.in(context).serving().changes();
    if (!changes.isEmpty()) {
      // A plan whose Incidents' cache the stop emptied would put quarantined pods back into traffic.
      ControllerStopped.refuseIfStopped(agent, context);
    }
    PodQuarantine.apply(context.getClient(), changes);
    return ReconcileResult.aggregatedResult(changes.stream().map(c -> ReconcileResult.resourceUpdated(c.pod())).toList());
  }

  @Override
  public Class<Pod> resourceType() {
    return Pod.class;
  }
}

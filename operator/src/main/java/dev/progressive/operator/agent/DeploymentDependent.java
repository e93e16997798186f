package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The agent's stable Deployment; desired state comes from {@link AgentDeployment}. During a rollout it keeps the
 * template its pods run and gives way to the canary's ready pods ({@link AgentRollout}).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class DeploymentDependent extends AgentDependent<Deployment> {
  public DeploymentDependent() {
    super(Deployment.class);
  }

  @Override
  Deployment desired(ProgressiveAgent agent, AgentPlan plan) {
    var rollout = plan.rollout().orElseThrow();
    return AgentDeployment.stable(agent, rollout.stable(), rollout.stableReplicas(), plan.mitigations());
  }

  /** It shares its informer with the canary: the two tell their Deployments apart by name. */
  @Override
  protected ResourceID targetSecondaryResourceID(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    return new ResourceID(agent.getMetadata().getName(), agent.getMetadata().getNamespace());
  }
}

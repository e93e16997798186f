package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The canary of a rollout, {@code <agent>-canary}, with the template the spec asks for: wanted only while a step
 * runs, so that a promotion or a rollback deletes it. It shares the Deployment informer of the stable Deployment.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class CanaryDeploymentDependent extends AgentDependent<Deployment> {
  public CanaryDeploymentDependent() {
    super(Deployment.class);
  }

  @Override
  Deployment desired(ProgressiveAgent agent, AgentPlan plan) {
    var rollout = plan.rollout().orElseThrow();
    return AgentDeployment.canary(agent, rollout.desired(), rollout.canaryReplicas(), plan.mitigations());
  }

  @Override
  boolean wanted(ProgressiveAgent agent, AgentPlan plan) {
    return plan.rollout().filter(rollout -> rollout.canaryReplicas() > 0).isPresent();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    return new ResourceID(AgentDeployment.canaryName(agent), agent.getMetadata().getNamespace());
  }
}

package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The agent's Deployment; desired state comes from {@link AgentDeployment}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class DeploymentDependent extends AgentDependent<Deployment> {
  public DeploymentDependent() {
    super(Deployment.class);
  }

  @Override
  Deployment desired(ProgressiveAgent agent, AgentPlan plan) {
    return AgentDeployment.desired(StackDefaults.applied(agent, plan.stack()), plan.mitigations());
  }
}

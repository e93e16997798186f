package dev.progressive.operator.agent;

import dev.progressive.operator.common.RecordingDependent;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The agent's Deployment; desired state comes from {@link AgentDeployment}. */
public class DeploymentDependent extends RecordingDependent<Deployment, ProgressiveAgent> {
  public DeploymentDependent() {
    super(Deployment.class);
  }

  @Override
  protected Deployment desired(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    return AgentDeployment.desired(agent);
  }
}

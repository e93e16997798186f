package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.common.Labels;
import dev.progressive.operator.common.RecordingDependent;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The agent's Deployment; desired state comes from {@link AgentDeployment}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class DeploymentDependent extends RecordingDependent<Deployment, ProgressiveAgent> {
  public DeploymentDependent() {
    super(Deployment.class);
  }

  @Override
  protected Deployment desired(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    var stamped = context.getSecondaryResource(Deployment.class)
        .map(d -> d.getSpec().getTemplate().getMetadata().getAnnotations())
        .map(annotations -> annotations.get(AgentDeployment.RESTARTED_AT));
    var plan = AgentPlan.in(context);
    return AgentDeployment.desired(StackDefaults.applied(agent, plan.stack()), plan.mitigations().keepingRestart(stamped));
  }
}

package dev.progressive.operator.agent;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.NamespaceStack;
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
    var mitigations = ActiveMitigations.of(agent, context.getSecondaryResources(Incident.class)).keepingRestart(stamped);
    var stack = NamespaceStack.of(context, agent.getMetadata().getNamespace());
    return AgentDeployment.desired(StackDefaults.applied(agent, stack), mitigations);
  }
}

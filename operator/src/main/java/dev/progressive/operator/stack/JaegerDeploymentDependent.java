package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.common.Labels;
import dev.progressive.operator.common.RecordingDependent;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The stack's Jaeger Deployment; desired state comes from {@link Jaeger}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class JaegerDeploymentDependent extends RecordingDependent<Deployment, ObservabilityStack> {
  public JaegerDeploymentDependent() {
    super(Deployment.class);
  }

  @Override
  protected Deployment desired(ObservabilityStack stack, Context<ObservabilityStack> context) {
    return Jaeger.deployment(stack);
  }
}

package dev.progressive.operator.stack;

import dev.progressive.operator.common.RecordingDependent;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The stack's Jaeger Deployment; desired state comes from {@link Jaeger}. */
public class JaegerDeploymentDependent extends RecordingDependent<Deployment, ObservabilityStack> {
  public JaegerDeploymentDependent() {
    super(Deployment.class);
  }

  @Override
  protected Deployment desired(ObservabilityStack stack, Context<ObservabilityStack> context) {
    return Jaeger.deployment(stack);
  }
}

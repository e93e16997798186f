package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.common.Labels;
import dev.progressive.operator.common.RecordingDependent;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The stack's Jaeger Service; desired state comes from {@link Jaeger}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class JaegerServiceDependent extends RecordingDependent<Service, ObservabilityStack> {
  public JaegerServiceDependent() {
    super(Service.class);
  }

  @Override
  protected Service desired(ObservabilityStack stack, Context<ObservabilityStack> context) {
    return Jaeger.service(stack);
  }
}

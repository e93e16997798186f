package dev.progressive.operator.stack;

import dev.progressive.operator.common.RecordingDependent;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The stack's Jaeger Service; desired state comes from {@link Jaeger}. */
public class JaegerServiceDependent extends RecordingDependent<Service, ObservabilityStack> {
  public JaegerServiceDependent() {
    super(Service.class);
  }

  @Override
  protected Service desired(ObservabilityStack stack, Context<ObservabilityStack> context) {
    return Jaeger.service(stack);
  }
}

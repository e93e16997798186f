package dev.progressive.operator.stack;

import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.AlertmanagerConfig;
import dev.progressive.operator.common.RecordingDependent;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The namespace's AlertmanagerConfig; desired state comes from {@link StackAlerting}. */
public class AlertmanagerConfigDependent extends RecordingDependent<AlertmanagerConfig, ObservabilityStack> {
  public AlertmanagerConfigDependent() {
    super(AlertmanagerConfig.class);
  }

  @Override
  protected AlertmanagerConfig desired(ObservabilityStack stack, Context<ObservabilityStack> context) {
    return StackAlerting.desired(stack, MonitoringSetup.in(context));
  }
}

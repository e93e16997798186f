package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.AlertmanagerConfig;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.common.Labels;
import dev.progressive.operator.common.RecordingDependent;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** The namespace's AlertmanagerConfig; desired state comes from {@link StackAlerting}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class AlertmanagerConfigDependent extends RecordingDependent<AlertmanagerConfig, ObservabilityStack> {
  public AlertmanagerConfigDependent() {
    super(AlertmanagerConfig.class);
  }

  @Override
  protected AlertmanagerConfig desired(ObservabilityStack stack, Context<ObservabilityStack> context) {
    return StackAlerting.desired(stack, MonitoringSetup.in(context));
  }

  /**
   * By name, not from {@link #desired}: java-operator-sdk looks the object up this way to delete it
   * once spec.alerting is removed, and without spec.alerting there is no routing to build.
   */
  @Override
  protected ResourceID targetSecondaryResourceID(ObservabilityStack stack, Context<ObservabilityStack> context) {
    return new ResourceID(StackAlerting.name(stack), stack.getMetadata().getNamespace());
  }
}

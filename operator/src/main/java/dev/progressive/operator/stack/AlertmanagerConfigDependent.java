package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.AlertmanagerConfig;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.common.Labels;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;

/** The namespace's AlertmanagerConfig; desired state comes from {@link StackAlerting}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class AlertmanagerConfigDependent extends StackDependent<AlertmanagerConfig> {
  public AlertmanagerConfigDependent() {
    super(AlertmanagerConfig.class);
  }

  @Override
  List<AlertmanagerConfig> children(ObservabilityStack stack, MonitoringSetup setup) {
    return List.of(StackAlerting.desired(stack, setup));
  }

  @Override
  boolean wanted(ObservabilityStack stack, MonitoringSetup setup) {
    return stack.getSpec().getAlerting() != null;
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

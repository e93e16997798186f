package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.AlertmanagerConfig;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.common.Labels;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.List;

/** The namespace's AlertmanagerConfig; desired state comes from {@link StackAlerting}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class AlertmanagerConfigDependent extends StackDependent<AlertmanagerConfig> {
  public AlertmanagerConfigDependent() {
    super(AlertmanagerConfig.class, StackAlerting::name);
  }

  @Override
  List<AlertmanagerConfig> children(ObservabilityStack stack, MonitoringSetup setup) {
    return List.of(StackAlerting.desired(stack, setup));
  }

  @Override
  boolean wanted(ObservabilityStack stack, MonitoringSetup setup) {
    return stack.getSpec().getAlerting() != null;
  }
}

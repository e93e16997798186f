package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.common.Labels;
import dev.progressive.operator.common.RecordingDependent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The system dashboards for the Grafana sidecar; desired state comes from {@link StackDashboards}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class DashboardsConfigMapDependent extends RecordingDependent<ConfigMap, ObservabilityStack> {
  public DashboardsConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(ObservabilityStack stack, Context<ObservabilityStack> context) {
    return StackDashboards.configMap(stack);
  }
}

package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.List;

/** The system dashboards for the Grafana sidecar; desired state comes from {@link StackDashboards}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class DashboardsConfigMapDependent extends StackDependent<ConfigMap> {
  public DashboardsConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  List<ConfigMap> children(ObservabilityStack stack, MonitoringSetup setup) {
    return List.of(StackDashboards.configMap(stack));
  }

  @Override
  boolean wanted(ObservabilityStack stack, MonitoringSetup setup) {
    return setup.grafanaInstance().isEmpty();
  }
}

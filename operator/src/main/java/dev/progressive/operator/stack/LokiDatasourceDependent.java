package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.List;

/**
 * The Loki datasource for the Grafana sidecar; desired state comes from {@link LokiDatasource}. It
 * shares the ConfigMap informer of the dashboards; the two tell their objects apart by name.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class LokiDatasourceDependent extends StackDependent<ConfigMap> {
  public LokiDatasourceDependent() {
    super(ConfigMap.class, LokiDatasource::name);
  }

  @Override
  List<ConfigMap> children(ObservabilityStack stack, MonitoringSetup setup) {
    return List.of(LokiDatasource.configMap(stack));
  }

  @Override
  boolean wanted(ObservabilityStack stack, MonitoringSetup setup) {
    return stack.getSpec().getLogging() != null;
  }
}

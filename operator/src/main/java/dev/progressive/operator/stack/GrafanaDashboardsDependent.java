package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.GrafanaDashboard;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.common.Labels;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.KubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The system dashboards as GrafanaDashboards, one each (a bulk dependent); desired state from {@link StackDashboards}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class GrafanaDashboardsDependent extends StackDependent<GrafanaDashboard>
    implements CRUDKubernetesBulkDependentResource<GrafanaDashboard, ObservabilityStack>,
        KubernetesBulkDependentResource<GrafanaDashboard, ObservabilityStack> {

  public GrafanaDashboardsDependent() {
    super(GrafanaDashboard.class);
  }

  @Override
  List<GrafanaDashboard> children(ObservabilityStack stack, MonitoringSetup setup) {
    return StackDashboards.grafanaDashboards(stack, setup.grafanaInstance().orElse(Map.of()));
  }

  @Override
  boolean wanted(ObservabilityStack stack, MonitoringSetup setup) {
    return setup.grafanaInstance().isPresent();
  }

  @Override
  public Map<ResourceID, GrafanaDashboard> desiredResources(ObservabilityStack stack, Context<ObservabilityStack> context) {
    return children(stack, MonitoringSetup.in(context)).stream()
        .collect(Collectors.toMap(ResourceID::fromResource, Function.identity()));
  }

  @Override
  public Map<ResourceID, GrafanaDashboard> getSecondaryResources(ObservabilityStack stack, Context<ObservabilityStack> context) {
    return context.getSecondaryResourcesAsStream(GrafanaDashboard.class)
        .collect(Collectors.toMap(ResourceID::fromResource, Function.identity()));
  }
}

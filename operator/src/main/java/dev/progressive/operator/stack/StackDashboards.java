package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.GrafanaDashboard;
import dev.progressive.operator.cluster.GrafanaObjects;
import dev.progressive.operator.monitoring.Dashboard;
import dev.progressive.operator.monitoring.Dashboards;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The seed's three system dashboards: one sidecar ConfigMap holding all three, or one GrafanaDashboard each. */
public final class StackDashboards {
  static final String COMPONENT = "dashboards";

  private StackDashboards() {}

  public static String configMapName(ObservabilityStack stack) {
    return stack.getMetadata().getName() + "-dashboards";
  }

  public static ConfigMap configMap(ObservabilityStack stack) {
    return GrafanaObjects.dashboardConfigMap(configMapName(stack), stack.getMetadata().getNamespace(),
        StackLabels.standard(stack, COMPONENT), Dashboards.system(), folder(stack));
  }

  public static List<GrafanaDashboard> grafanaDashboards(ObservabilityStack stack, Map<String, String> grafanaInstance) {
    return Dashboards.system().stream()
        .map(d -> GrafanaObjects.grafanaDashboard(name(stack, d), stack.getMetadata().getNamespace(),
            StackLabels.standard(stack, COMPONENT), d, grafanaInstance, folder(stack)))
        .toList();
  }

  private static String name(ObservabilityStack stack, Dashboard dashboard) {
    return stack.getMetadata().getName() + "-" + dashboard.fileName().replaceFirst("\\.json$", "");
  }

  private static Optional<String> folder(ObservabilityStack stack) {
    return Optional.ofNullable(stack.getSpec().getDashboards().getFolder());
  }
}

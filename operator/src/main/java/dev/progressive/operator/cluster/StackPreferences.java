package dev.progressive.operator.cluster;

import dev.progressive.operator.api.DashboardSettings.Delivery;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.common.LabelSyntax;
import java.util.Map;
import java.util.Optional;

/**
 * What a namespace's ObservabilityStack says about monitoring objects.
 *
 * @param stackName the stack's name, for messages
 * @param selectorLabels labels the cluster's Prometheus selects on; empty to discover them
 * @param grafanaInstance present when dashboards go to grafana-operator: the labels of its Grafana
 */
public record StackPreferences(String stackName, Map<String, String> selectorLabels, Optional<Map<String, String>> grafanaInstance) {

  /**
   * What a stack tells the monitoring discovery of its namespace. Labels the API server would refuse
   * are left out: the stack itself reports them as InvalidSpec, and its agents get only valid ones.
   */
  public static StackPreferences of(ObservabilityStack stack) {
    var dashboards = stack.getSpec().getDashboards();
    return new StackPreferences(stack.getMetadata().getName(), LabelSyntax.valid(stack.getSpec().getPrometheus().getSelectorLabels()),
        dashboards.getDelivery() == Delivery.GRAFANA_OPERATOR
            ? Optional.of(LabelSyntax.valid(dashboards.getGrafanaInstanceLabels())) : Optional.empty());
  }
}

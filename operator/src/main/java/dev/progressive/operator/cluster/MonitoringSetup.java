package dev.progressive.operator.cluster;

import dev.progressive.operator.cluster.PrometheusSelectors.Target;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the cluster offers one namespace's monitoring, observed once per reconcile and handed to the
 * dependents and their conditions through the workflow's context.
 *
 * @param apis the optional APIs the cluster serves
 * @param serviceMonitorLabels labels a ServiceMonitor needs to be selected
 * @param ruleLabels labels a PrometheusRule needs to be selected
 * @param labelSource where those labels come from, for messages; empty when from nowhere
 * @param grafanaInstance present when dashboards go to GrafanaDashboards: the labels of the Grafana to import into
 * @param prometheuses the Prometheus resources the operator can read; empty when it can read none
 * @param namespaceLabels the namespace's labels; empty when they could not be read
 */
public record MonitoringSetup(
    String namespace,
    Set<OptionalApi> apis,
    Map<String, String> serviceMonitorLabels,
    Map<String, String> ruleLabels,
    Optional<String> labelSource,
    Optional<Map<String, String>> grafanaInstance,
    Optional<List<PrometheusSelectors>> prometheuses,
    Optional<Map<String, String>> namespaceLabels) {

  private static final String KEY = MonitoringSetup.class.getName();

  /** A cluster with none of the optional APIs, as `render` assumes for its fallbacks. */
  public static MonitoringSetup none(String namespace) {
    return new MonitoringSetup(namespace, Set.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  /**
   * A cluster with every optional API, whose Prometheus selects what the namespace's stack says: what
   * `render` prints for, having no cluster to ask.
   */
  public static MonitoringSetup withEveryApi(String namespace, Optional<StackPreferences> stack) {
    var labels = stack.map(StackPreferences::selectorLabels).orElse(Map.of());
    return new MonitoringSetup(namespace, Set.of(OptionalApi.values()), labels, labels,
        stack.map(s -> "ObservabilityStack " + s.stackName()), stack.flatMap(StackPreferences::grafanaInstance),
        Optional.empty(), Optional.empty());
  }

  public boolean has(OptionalApi api) {
    return apis.contains(api);
  }

  /** The readable Prometheus resources that select an object of {@code target} with these labels. */
  public List<PrometheusSelectors> selecting(Target target, Map<String, String> labels) {
    return prometheuses.orElse(List.of()).stream()
        .filter(p -> p.selects(target, namespace, namespaceLabels, labels))
        .toList();
  }

  /** The first readable Prometheus that looks for objects of {@code target} in this namespace. */
  public Optional<PrometheusSelectors> watching(Target target) {
    return prometheuses.orElse(List.of()).stream().filter(p -> p.watches(target, namespace, namespaceLabels)).findFirst();
  }

  public void store(Context<?> context) {
    context.managedWorkflowAndDependentResourceContext().put(KEY, this);
  }

  public static MonitoringSetup in(Context<?> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(KEY, MonitoringSetup.class);
  }
}

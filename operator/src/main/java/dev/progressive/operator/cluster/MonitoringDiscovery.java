package dev.progressive.operator.cluster;

import dev.progressive.operator.cluster.PrometheusSelectors.Target;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Observes, for a namespace, which monitoring APIs exist and which labels make the cluster's
 * Prometheus pick up our objects: the namespace's ObservabilityStack says so, else the readable
 * Prometheus resources tell. Answers come from caches refreshed every {@link #REFRESH}.
 */
public final class MonitoringDiscovery {
  /** How stale a discovery answer may be; reconcilers re-check at this pace too. */
  public static final Duration REFRESH = Duration.ofSeconds(30);

  private final ApiDiscovery apis;
  private final PrometheusInstances prometheuses;

  public MonitoringDiscovery(KubernetesClient client, Clock clock) {
    this.apis = new ApiDiscovery(client, REFRESH, clock);
    this.prometheuses = new PrometheusInstances(client, REFRESH, clock);
  }

  public MonitoringSetup setupFor(String namespace, Optional<StackPreferences> stack) {
    var installed = apis.installed();
    Optional<List<PrometheusSelectors>> visible = installed.contains(OptionalApi.PROMETHEUS)
        ? prometheuses.visibleFrom(namespace) : Optional.empty();
    var namespaceLabels = visible.filter(list -> !list.isEmpty()).flatMap(list -> prometheuses.labelsOf(namespace));
    var grafana = stack.flatMap(StackPreferences::grafanaInstance).filter(g -> installed.contains(OptionalApi.GRAFANA_DASHBOARD));
    var fromStack = stack.filter(s -> !s.selectorLabels().isEmpty());
    if (fromStack.isPresent()) {
      var labels = fromStack.get().selectorLabels();
      return new MonitoringSetup(namespace, installed, labels, labels,
          Optional.of("spec.prometheus.selectorLabels of ObservabilityStack " + fromStack.get().stackName()),
          grafana, visible, namespaceLabels);
    }
    var discovered = new MonitoringSetup(namespace, installed, Map.of(), Map.of(), Optional.empty(), grafana, visible, namespaceLabels);
    var forServiceMonitors = discovered.watching(Target.SERVICE_MONITOR);
    var forRules = discovered.watching(Target.RULE);
    return new MonitoringSetup(namespace, installed,
        forServiceMonitors.map(p -> p.requiredLabels(Target.SERVICE_MONITOR)).orElse(Map.of()),
        forRules.map(p -> p.requiredLabels(Target.RULE)).orElse(Map.of()),
        forServiceMonitors.or(() -> forRules).map(p -> "the selectors of Prometheus " + p.id()),
        grafana, visible, namespaceLabels);
  }
}

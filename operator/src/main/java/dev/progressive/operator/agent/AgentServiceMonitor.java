package dev.progressive.operator.agent;

import dev.progressive.operator.api.Monitoring;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.OptionalApi;
import dev.progressive.operator.cluster.ServiceMonitor;
import dev.progressive.operator.delivery.Track;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Desired ServiceMonitor of an agent: scrapes its Service's {@code http} port. It sets no
 * {@code jobLabel}, so the job is the Service's name, which is the agent's name: the agent's alert
 * rules select {@code up} and process metrics by that job.
 */
public final class AgentServiceMonitor {
  private AgentServiceMonitor() {}

  public static ServiceMonitor desired(ProgressiveAgent agent, MonitoringSetup setup) {
    var endpoint = new LinkedHashMap<String, Object>();
    endpoint.put("port", AgentDeployment.PORT_NAME);
    endpoint.put("path", AgentDeployment.METRICS_PATH);
    endpoint.put("interval", scrapeInterval(agent));
    // The pods' track reaches their series, so a rollout's queries tell the canary from the stable pods.
    endpoint.put("relabelings", List.of(Map.of("sourceLabels", List.of(Track.DISCOVERED_LABEL), "regex", "(.+)",
        "targetLabel", Track.TARGET_LABEL, "action", "replace")));
    var spec = new LinkedHashMap<String, Object>();
    spec.put("selector", Map.of("matchLabels", AgentLabels.selector(agent)));
    spec.put("namespaceSelector", Map.of("matchNames", List.of(agent.getMetadata().getNamespace())));
    spec.put("endpoints", List.of(endpoint));
    return OptionalApi.withSpec(new ServiceMonitor(), agent.getMetadata().getName(), agent.getMetadata().getNamespace(),
        labels(agent, setup.serviceMonitorLabels()), spec);
  }

  /** The standard labels and the ones the cluster's Prometheus selects on; the standard ones win. */
  static Map<String, String> labels(ProgressiveAgent agent, Map<String, String> selectorLabels) {
    var labels = new LinkedHashMap<>(selectorLabels);
    labels.putAll(AgentLabels.standard(agent));
    return labels;
  }

  static String scrapeInterval(ProgressiveAgent agent) {
    return Monitoring.scrapeIntervalOf(agent.getSpec().getMonitoring());
  }
}

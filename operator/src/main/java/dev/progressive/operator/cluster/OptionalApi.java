package dev.progressive.operator.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** APIs of other projects (prometheus-operator, grafana-operator) the operator uses when a cluster serves them. */
public enum OptionalApi {
  SERVICE_MONITOR(ServiceMonitor.class),
  PROMETHEUS_RULE(PrometheusRule.class),
  PROMETHEUS(Prometheus.class),
  ALERTMANAGER_CONFIG(AlertmanagerConfig.class),
  GRAFANA_DASHBOARD(GrafanaDashboard.class);

  private final Class<? extends GenericKubernetesResource> type;

  OptionalApi(Class<? extends GenericKubernetesResource> type) {
    this.type = type;
  }

  public static Optional<OptionalApi> of(Class<?> type) {
    return Arrays.stream(values()).filter(api -> api.type.equals(type)).findFirst();
  }

  public String apiVersion() {
    return HasMetadata.getApiVersion(type);
  }

  public String kind() {
    return HasMetadata.getKind(type);
  }

  public String plural() {
    return HasMetadata.getPlural(type);
  }

  /** For messages: the kind and where it lives, e.g. ServiceMonitor (monitoring.coreos.com/v1). */
  public String describe() {
    return kind() + " (" + apiVersion() + ")";
  }

  /** Names an empty object of one of these APIs and gives it labels and a spec. */
  public static <T extends GenericKubernetesResource> T withSpec(
      T resource, String name, String namespace, Map<String, String> labels, Map<String, Object> spec) {
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).withLabels(labels).build());
    resource.setAdditionalProperty("spec", spec);
    return resource;
  }
}

package dev.progressive.operator.cluster;

import dev.progressive.operator.monitoring.Dashboard;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two ways a dashboard or datasource reaches Grafana: a ConfigMap that the Grafana sidecar
 * (as in kube-prometheus-stack) loads by its label, or a grafana-operator custom resource.
 */
public final class GrafanaObjects {
  public static final String DASHBOARD_LABEL = "grafana_dashboard";
  public static final String DATASOURCE_LABEL = "grafana_datasource";
  /** The folder annotation kube-prometheus-stack's sidecar is usually configured to read. */
  public static final String FOLDER_ANNOTATION = "grafana_folder";

  private GrafanaObjects() {}

  /** A sidecar ConfigMap with one key per dashboard file. */
  public static ConfigMap dashboardConfigMap(
      String name, String namespace, Map<String, String> labels, List<Dashboard> dashboards, Optional<String> folder) {
    var builder = new ConfigMapBuilder()
        .withNewMetadata()
          .withName(name).withNamespace(namespace).withLabels(withMarker(labels, DASHBOARD_LABEL))
        .endMetadata();
    folder.ifPresent(f -> builder.editMetadata().addToAnnotations(FOLDER_ANNOTATION, f).endMetadata());
    dashboards.forEach(d -> builder.addToData(d.fileName(), d.json()));
    return builder.build();
  }

  /** A sidecar ConfigMap holding one datasource provisioning file. */
  public static ConfigMap datasourceConfigMap(String name, String namespace, Map<String, String> labels, String file, String yaml) {
    return new ConfigMapBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).withLabels(withMarker(labels, DATASOURCE_LABEL)).endMetadata()
        .addToData(file, yaml)
        .build();
  }

  /**
   * A GrafanaDashboard for the Grafana whose labels {@code instance} names. It may live in another
   * namespace than that Grafana, which grafana-operator allows only when told so.
   */
  public static GrafanaDashboard grafanaDashboard(String name, String namespace, Map<String, String> labels,
      Dashboard dashboard, Map<String, String> instance, Optional<String> folder) {
    var spec = new LinkedHashMap<String, Object>();
    spec.put("instanceSelector", Map.of("matchLabels", instance));
    spec.put("allowCrossNamespaceImport", true);
    folder.ifPresent(f -> spec.put("folder", f));
    spec.put("json", dashboard.json());
    return OptionalApi.withSpec(new GrafanaDashboard(), name, namespace, labels, spec);
  }

  private static Map<String, String> withMarker(Map<String, String> labels, String marker) {
    var all = new LinkedHashMap<>(labels);
    all.put(marker, "1");
    return all;
  }
}

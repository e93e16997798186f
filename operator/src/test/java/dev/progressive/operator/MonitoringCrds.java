package dev.progressive.operator;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Minimal CRDs of prometheus-operator and grafana-operator, for tests of a cluster that has them. */
public final class MonitoringCrds {
  private static final List<String> NAMES = List.of(
      "servicemonitors.monitoring.coreos.com", "prometheusrules.monitoring.coreos.com", "prometheuses.monitoring.coreos.com",
      "alertmanagerconfigs.monitoring.coreos.com", "grafanadashboards.grafana.integreatly.org");

  private MonitoringCrds() {}

  public static void install(KubernetesClient client) {
    for (var name : NAMES) {
      try (var in = MonitoringCrds.class.getResourceAsStream("/monitoring-crds/" + name + ".yaml")) {
        client.resource(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class)).create();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

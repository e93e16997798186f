package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.fabric8.generator.annotation.Default;
import java.util.LinkedHashMap;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DashboardSettings {
  public enum Delivery {
    @JsonProperty("sidecar") SIDECAR,
    @JsonProperty("grafana-operator") GRAFANA_OPERATOR
  }

  @Default("sidecar")
  @JsonPropertyDescription("sidecar: ConfigMaps labelled grafana_dashboard: \"1\" for the Grafana sidecar;"
      + " grafana-operator: GrafanaDashboard resources (a ConfigMap still, while that API is missing).")
  @JsonSetter(nulls = Nulls.SKIP)
  private Delivery delivery = Delivery.SIDECAR;

  @Default("Progressive Framework")
  @JsonPropertyDescription("Grafana folder of the system dashboards.")
  @JsonSetter(nulls = Nulls.SKIP)
  private String folder = "Progressive Framework";

  @JsonPropertyDescription("With grafana-operator: the labels of the Grafana resource to import into (its instanceSelector).")
  @JsonSetter(nulls = Nulls.SKIP)
  private Map<String, String> grafanaInstanceLabels = new LinkedHashMap<>(Map.of("dashboards", "grafana"));

  public Delivery getDelivery() { return delivery; }
  public void setDelivery(Delivery delivery) { this.delivery = delivery; }
  public String getFolder() { return folder; }
  public void setFolder(String folder) { this.folder = folder; }
  public Map<String, String> getGrafanaInstanceLabels() { return grafanaInstanceLabels; }
  public void setGrafanaInstanceLabels(Map<String, String> grafanaInstanceLabels) { this.grafanaInstanceLabels = grafanaInstanceLabels; }
}

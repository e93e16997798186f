package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.LinkedHashMap;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PrometheusSettings {
  @JsonPropertyDescription("Labels put on every ServiceMonitor and PrometheusRule in the namespace so that the cluster's"
      + " Prometheus selects them (its serviceMonitorSelector and ruleSelector), e.g. release: kube-prometheus-stack."
      + " Empty: the operator reads them from the Prometheus resources it can see.")
  @JsonSetter(nulls = Nulls.SKIP)
  private Map<String, String> selectorLabels = new LinkedHashMap<>();

  public Map<String, String> getSelectorLabels() { return selectorLabels; }
  public void setSelectorLabels(Map<String, String> selectorLabels) { this.selectorLabels = selectorLabels; }
}

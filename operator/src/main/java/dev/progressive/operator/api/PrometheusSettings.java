package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.fabric8.generator.annotation.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PrometheusSettings {
  @JsonPropertyDescription("Labels put on every ServiceMonitor and PrometheusRule in the namespace so that the cluster's"
      + " Prometheus selects them (its serviceMonitorSelector and ruleSelector), e.g. release: kube-prometheus-stack."
      + " Empty: the operator reads them from the Prometheus resources it can see.")
  @JsonSetter(nulls = Nulls.SKIP)
  private Map<String, String> selectorLabels = new LinkedHashMap<>();

  @Pattern(ObservabilityStackSpec.HTTP_URL_PATTERN)
  @JsonPropertyDescription("Where the operator reads Prometheus' HTTP API to check that the namespace's agents are scraped and"
      + " their rules loaded (conditions Scraped and RulesLoaded), e.g. http://prometheus-operated.monitoring:9090."
      + " Empty: the operator's --prometheus-url; without either, nothing is checked.")
  private String url;

  @JsonPropertyDescription("A bearer token for that Prometheus, from a Secret in the stack's namespace. Empty: no Authorization header.")
  private SecretKey bearerTokenSecret;

  public Map<String, String> getSelectorLabels() { return selectorLabels; }
  public void setSelectorLabels(Map<String, String> selectorLabels) { this.selectorLabels = selectorLabels; }
  public String getUrl() { return url; }
  public void setUrl(String url) { this.url = url; }
  public SecretKey getBearerTokenSecret() { return bearerTokenSecret; }
  public void setBearerTokenSecret(SecretKey bearerTokenSecret) { this.bearerTokenSecret = bearerTokenSecret; }
}

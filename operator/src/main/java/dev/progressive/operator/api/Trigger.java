package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class Trigger {
  @JsonPropertyDescription("Alert names that start the playbook; empty matches any alert (a catch-all).")
  private List<String> alertNames = new ArrayList<>();

  @JsonPropertyDescription("Labels the alert must carry with exactly these values, e.g. severity: critical.")
  private Map<String, String> matchLabels = new LinkedHashMap<>();

  public Trigger() {}

  public Trigger(List<String> alertNames, Map<String, String> matchLabels) {
    this.alertNames = alertNames;
    this.matchLabels = matchLabels;
  }

  public List<String> getAlertNames() { return alertNames; }
  public void setAlertNames(List<String> alertNames) { this.alertNames = alertNames; }
  public Map<String, String> getMatchLabels() { return matchLabels; }
  public void setMatchLabels(Map<String, String> matchLabels) { this.matchLabels = matchLabels; }
}

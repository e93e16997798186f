package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.LinkedHashMap;
import java.util.Map;

/** The alert as Alertmanager delivered it. Written by the webhook intake only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IncidentSpec {
  @Required
  @JsonPropertyDescription("The alert's name (label alertname).")
  private String alertName;

  @Required
  @JsonPropertyDescription("Alertmanager's fingerprint of the alert's label set.")
  private String fingerprint;

  @JsonPropertyDescription("The alert's severity label.")
  private String severity;

  @JsonPropertyDescription("All labels of the alert.")
  private Map<String, String> labels = new LinkedHashMap<>();

  @JsonPropertyDescription("All annotations of the alert (summary, description, runbook_url).")
  private Map<String, String> annotations = new LinkedHashMap<>();

  @Required
  @JsonPropertyDescription("When the alert started firing (RFC 3339).")
  private String startsAt;

  @JsonPropertyDescription("When Alertmanager reported the alert resolved (RFC 3339); empty while it fires.")
  private String resolvedAt;

  @JsonPropertyDescription("Link to the alert's expression in Prometheus.")
  private String generatorURL;

  public String getAlertName() { return alertName; }
  public void setAlertName(String alertName) { this.alertName = alertName; }
  public String getFingerprint() { return fingerprint; }
  public void setFingerprint(String fingerprint) { this.fingerprint = fingerprint; }
  public String getSeverity() { return severity; }
  public void setSeverity(String severity) { this.severity = severity; }
  public Map<String, String> getLabels() { return labels; }
  public void setLabels(Map<String, String> labels) { this.labels = labels; }
  public Map<String, String> getAnnotations() { return annotations; }
  public void setAnnotations(Map<String, String> annotations) { this.annotations = annotations; }
  public String getStartsAt() { return startsAt; }
  public void setStartsAt(String startsAt) { this.startsAt = startsAt; }
  public String getResolvedAt() { return resolvedAt; }
  public void setResolvedAt(String resolvedAt) { this.resolvedAt = resolvedAt; }
  public String getGeneratorURL() { return generatorURL; }
  public void setGeneratorURL(String generatorURL) { this.generatorURL = generatorURL; }
}

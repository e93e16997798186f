package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class Remediation {
  @Default("true")
  @JsonPropertyDescription("Whether Alertmanager sends every alert to the operator, which opens an Incident and runs the matching playbook.")
  @JsonSetter(nulls = Nulls.SKIP)
  private Boolean enabled = true;

  @Required
  @Pattern(ObservabilityStackSpec.HTTP_URL_PATTERN)
  @JsonPropertyDescription("The operator's webhook, e.g. http://progressive-operator.progressive-system:8080/alertmanager/webhook.")
  private String webhookUrl;

  @Required
  @JsonPropertyDescription("Secret key holding the bearer token the operator's webhook expects.")
  private SecretKey webhookAuthSecret;

  @JsonPropertyDescription("The namespace's kill switch: while true, every Incident of the namespace holds before its next step"
      + " (its phase stays, its reason says Paused); new Incidents are still recorded. Remove it or set false to resume.")
  private Boolean paused;

  public Boolean getPaused() { return paused; }
  public void setPaused(Boolean paused) { this.paused = paused; }
  public Boolean getEnabled() { return enabled; }
  public void setEnabled(Boolean enabled) { this.enabled = enabled; }
  public String getWebhookUrl() { return webhookUrl; }
  public void setWebhookUrl(String webhookUrl) { this.webhookUrl = webhookUrl; }
  public SecretKey getWebhookAuthSecret() { return webhookAuthSecret; }
  public void setWebhookAuthSecret(SecretKey webhookAuthSecret) { this.webhookAuthSecret = webhookAuthSecret; }
}

package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

/** Where a notify or escalate step also posts, besides Kubernetes Events. The URL is a secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Sink {
  public enum Format { slack, webhook }

  @Required
  @JsonPropertyDescription("Secret in the Incident's namespace that holds the URL.")
  private String secretName;

  @Default("url")
  @JsonPropertyDescription("Key of the URL in the Secret.")
  private String key = "url";

  @Default("webhook")
  @JsonPropertyDescription("slack (a {\"text\"} body for an incoming webhook) or webhook (the Incident as JSON).")
  private Format format = Format.webhook;

  public String getSecretName() { return secretName; }
  public void setSecretName(String secretName) { this.secretName = secretName; }
  public String getKey() { return key; }
  public void setKey(String key) { this.key = key; }
  public Format getFormat() { return format; }
  public void setFormat(Format format) { this.format = format; }
}

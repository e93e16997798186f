package dev.progressive.operator.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class Monitoring {
  @Default("30s")
  @Pattern("^[0-9]+(ms|s|m|h)$")
  @JsonPropertyDescription("How often Prometheus scrapes the agent, e.g. 30s.")
  private String scrapeInterval = "30s";

  public String getScrapeInterval() { return scrapeInterval; }
  public void setScrapeInterval(String scrapeInterval) { this.scrapeInterval = scrapeInterval; }
}

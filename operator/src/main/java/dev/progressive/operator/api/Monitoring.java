package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class Monitoring {
  public static final String SCRAPE_INTERVAL_PATTERN = "^[0-9]+(ms|s|m|h)$";
  public static final String DEFAULT_SCRAPE_INTERVAL = "30s";

  @Default(DEFAULT_SCRAPE_INTERVAL)
  @Pattern(SCRAPE_INTERVAL_PATTERN)
  @JsonPropertyDescription("How often Prometheus scrapes the agent, e.g. 30s.")
  private String scrapeInterval = DEFAULT_SCRAPE_INTERVAL;

  @JsonPropertyDescription("Thresholds of the agent's alerts; each one left out keeps the seed's value.")
  private AlertThresholds alerts;

  @JsonPropertyDescription("The agent's service level objective; with it, the agent's PrometheusRule also holds"
      + " multi-window multi-burn-rate alerts on its error and latency budgets.")
  private Slo slo;

  @Default("true")
  @JsonPropertyDescription("Whether the agent gets a Grafana dashboard (a GrafanaDashboard, or a ConfigMap for the"
      + " Grafana sidecar).")
  private Boolean dashboard = true;

  /** The scrape interval of an agent's spec.monitoring, which may be left out: its own, else the default. */
  public static String scrapeIntervalOf(Monitoring monitoring) {
    return monitoring == null || monitoring.getScrapeInterval() == null ? DEFAULT_SCRAPE_INTERVAL : monitoring.getScrapeInterval();
  }

  public String getScrapeInterval() { return scrapeInterval; }
  public void setScrapeInterval(String scrapeInterval) { this.scrapeInterval = scrapeInterval; }
  public AlertThresholds getAlerts() { return alerts; }
  public void setAlerts(AlertThresholds alerts) { this.alerts = alerts; }
  public Slo getSlo() { return slo; }
  public void setSlo(Slo slo) { this.slo = slo; }
  public Boolean getDashboard() { return dashboard; }
  public void setDashboard(Boolean dashboard) { this.dashboard = dashboard; }
}

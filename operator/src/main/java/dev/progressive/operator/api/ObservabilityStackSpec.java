package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * Every section is optional. Those with defaults keep them when a manifest gives null (what
 * `tracing:` with nothing after it means in YAML), as an API server would, which drops such nulls
 * before it defaults; alerting, logging and remediation left out mean "not configured".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObservabilityStackSpec {
  /** The URLs of the stack: Loki, the operator's webhook, an external tracing endpoint. */
  public static final String HTTP_URL_PATTERN = "^https?://[^\\s]+$";

  @JsonPropertyDescription("How the cluster's Prometheus (prometheus-operator) picks up the namespace's ServiceMonitors and PrometheusRules.")
  @JsonSetter(nulls = Nulls.SKIP)
  private PrometheusSettings prometheus = new PrometheusSettings();

  @JsonPropertyDescription("Alertmanager routing as an AlertmanagerConfig: the seed's routes and receivers, with every"
      + " credential from a Secret. Left out, no AlertmanagerConfig is made.")
  private Alerting alerting;

  @JsonPropertyDescription("How dashboards reach Grafana.")
  @JsonSetter(nulls = Nulls.SKIP)
  private DashboardSettings dashboards = new DashboardSettings();

  @JsonPropertyDescription("Where agents send traces: a Jaeger the stack runs, or an external OTLP endpoint.")
  @JsonSetter(nulls = Nulls.SKIP)
  private TracingSettings tracing = new TracingSettings();

  @JsonPropertyDescription("Logs: a Grafana datasource for Loki that links trace_id in the agents' JSON logs to the traces.")
  private Logging logging;

  @JsonPropertyDescription("The namespace's service level agreement: the SLA alerts and the SLO burn-rate alerts over all its agents.")
  @JsonSetter(nulls = Nulls.SKIP)
  private Sla sla = new Sla();

  @JsonPropertyDescription("The route from Alertmanager to the operator's remediation webhook.")
  private Remediation remediation;

  public PrometheusSettings getPrometheus() { return prometheus; }
  public void setPrometheus(PrometheusSettings prometheus) { this.prometheus = prometheus; }
  public Alerting getAlerting() { return alerting; }
  public void setAlerting(Alerting alerting) { this.alerting = alerting; }
  public DashboardSettings getDashboards() { return dashboards; }
  public void setDashboards(DashboardSettings dashboards) { this.dashboards = dashboards; }
  public TracingSettings getTracing() { return tracing; }
  public void setTracing(TracingSettings tracing) { this.tracing = tracing; }
  public Logging getLogging() { return logging; }
  public void setLogging(Logging logging) { this.logging = logging; }
  public Sla getSla() { return sla; }
  public void setSla(Sla sla) { this.sla = sla; }
  public Remediation getRemediation() { return remediation; }
  public void setRemediation(Remediation remediation) { this.remediation = remediation; }
}

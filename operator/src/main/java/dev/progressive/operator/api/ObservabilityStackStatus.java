package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.progressive.operator.common.ConditionedStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObservabilityStackStatus implements ConditionedStatus {
  @JsonPropertyDescription("Ready, one condition per component (Rules, Alerting, Dashboards, Logging, Tracing), SecretsResolved"
      + " and AlertPath.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The metadata.generation this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("The OTLP endpoint agents in the namespace export traces to, unless their own spec names one.")
  private String tracingEndpoint;

  @JsonPropertyDescription("What the operator knows of the path alerts take to it.")
  private AlertPath alertPath;

  public List<Condition> getConditions() { return conditions; }
  public void setConditions(List<Condition> conditions) { this.conditions = conditions; }
  public Long getObservedGeneration() { return observedGeneration; }
  public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
  public AlertPath getAlertPath() { return alertPath; }
  public void setAlertPath(AlertPath alertPath) { this.alertPath = alertPath; }
  public String getTracingEndpoint() { return tracingEndpoint; }
  public void setTracingEndpoint(String tracingEndpoint) { this.tracingEndpoint = tracingEndpoint; }
}


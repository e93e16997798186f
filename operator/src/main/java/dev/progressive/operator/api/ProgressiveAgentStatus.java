package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProgressiveAgentStatus {
  @JsonPropertyDescription("Ready, Available, Degraded and Remediating, following the Kubernetes API conventions.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The metadata.generation this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Pods the Deployment runs.")
  private Integer replicas;

  @JsonPropertyDescription("Pods that pass their readiness probe.")
  private Integer readyReplicas;

  @JsonPropertyDescription("In-cluster URL of the agent's Service.")
  private String endpoint;

  @JsonPropertyDescription("Temporary changes that open Incidents hold on this agent.")
  private List<String> activeMitigations = new ArrayList<>();

  public List<Condition> getConditions() { return conditions; }
  public void setConditions(List<Condition> conditions) { this.conditions = conditions; }
  public Long getObservedGeneration() { return observedGeneration; }
  public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
  public Integer getReplicas() { return replicas; }
  public void setReplicas(Integer replicas) { this.replicas = replicas; }
  public Integer getReadyReplicas() { return readyReplicas; }
  public void setReadyReplicas(Integer readyReplicas) { this.readyReplicas = readyReplicas; }
  public String getEndpoint() { return endpoint; }
  public List<String> getActiveMitigations() { return activeMitigations; }
  public void setActiveMitigations(List<String> activeMitigations) { this.activeMitigations = activeMitigations; }
  public void setEndpoint(String endpoint) { this.endpoint = endpoint; }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProgressiveAgentStatus s
        && Objects.equals(conditions, s.conditions)
        && Objects.equals(observedGeneration, s.observedGeneration)
        && Objects.equals(replicas, s.replicas)
        && Objects.equals(readyReplicas, s.readyReplicas)
        && Objects.equals(endpoint, s.endpoint)
        && Objects.equals(activeMitigations, s.activeMitigations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(conditions, observedGeneration, replicas, readyReplicas, endpoint, activeMitigations);
  }
}

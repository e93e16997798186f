package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.progressive.operator.common.ConditionedStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProgressiveAgentStatus implements ConditionedStatus {
  /** The agent's conditions besides Ready. */
  public static final String AVAILABLE = "Available";
  public static final String DEGRADED = "Degraded";
  public static final String REMEDIATING = "Remediating";
  public static final String MONITORED = "Monitored";
  public static final String SCRAPED = "Scraped";
  public static final String RULES_LOADED = "RulesLoaded";
  public static final String ROLLED_OUT = "RolledOut";

  @JsonPropertyDescription("Ready, Available, Degraded, Remediating, Monitored, Scraped and RulesLoaded, following the Kubernetes API conventions.")
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

  @JsonPropertyDescription("Fewest ready pods that a restart or a quarantine by remediation may leave: the largest of"
      + " spec.scaling.minReplicas, what the PodDisruptionBudgets selecting the agent's pods keep available, and 1.")
  private Integer availabilityFloor;

  @JsonPropertyDescription("What sets availabilityFloor: a PodDisruptionBudget by name, spec.scaling.minReplicas or the minimum of 1.")
  private String availabilityFloorReason;

  @JsonPropertyDescription("The restart stamp (the pod template's progressive.dev/restartedAt) that the Deployment has fully"
      + " rolled out: it observed its generation and every replica is updated and ready. Empty before any restart rolled out.")
  private String restartedAt;

  @JsonPropertyDescription("The agent's scrape targets as Prometheus reports them; empty while the operator reads no Prometheus.")
  private ScrapeStatus monitoring;

  @JsonPropertyDescription("The SLO's error budget and burn rates as Prometheus records them; empty without spec.monitoring.slo,"
      + " or while the operator reads no Prometheus or it has recorded nothing yet.")
  private SloStatus slo;

  @JsonPropertyDescription("The rollout of the latest pod template under spec.delivery; empty before the first one.")
  private RolloutStatus rollout;

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
  public Integer getAvailabilityFloor() { return availabilityFloor; }
  public void setAvailabilityFloor(Integer availabilityFloor) { this.availabilityFloor = availabilityFloor; }
  public String getAvailabilityFloorReason() { return availabilityFloorReason; }
  public void setAvailabilityFloorReason(String availabilityFloorReason) { this.availabilityFloorReason = availabilityFloorReason; }
  public String getRestartedAt() { return restartedAt; }
  public void setRestartedAt(String restartedAt) { this.restartedAt = restartedAt; }
  public ScrapeStatus getMonitoring() { return monitoring; }
  public void setMonitoring(ScrapeStatus monitoring) { this.monitoring = monitoring; }
  public SloStatus getSlo() { return slo; }
  public void setSlo(SloStatus slo) { this.slo = slo; }
  public RolloutStatus getRollout() { return rollout; }
  public void setRollout(RolloutStatus rollout) { this.rollout = rollout; }
}

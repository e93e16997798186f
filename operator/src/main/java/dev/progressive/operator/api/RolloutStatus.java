package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** The rollout of the agent's latest pod template: its phase, its step and the evidence of the step's analysis. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutStatus {
  @JsonPropertyDescription("Progressing, Paused, Promoted, RolledBack or Frozen (a new rollout held while"
      + " status.slo.errorBudgetRemaining is 0 or less, unless the annotation progressive.dev/rollout is force).")
  private RolloutPhase phase;
  @JsonPropertyDescription("The hash of the pod template being rolled out.")
  private String revision;
  @JsonPropertyDescription("Position of the current step in spec.delivery.steps, from 0.")
  private Integer step;
  @JsonPropertyDescription("Pods the canary runs at this step.")
  private Integer canaryReplicas;
  @JsonPropertyDescription("When the current step started (RFC 3339).")
  private String stepStartedAt;
  @JsonPropertyDescription("When the checks were last evaluated (RFC 3339).")
  private String analysedAt;
  @JsonPropertyDescription("True when the rollout started while the error budget was spent, because the agent carries"
      + " the annotation progressive.dev/rollout=force.")
  private Boolean forced;
  @JsonPropertyDescription("The latest analysis of the current step, one entry per check.")
  private List<RolloutCheck> checks = new ArrayList<>();
  @JsonPropertyDescription("The phase in words: why it holds, failed or froze.")
  private String message;

  public RolloutPhase getPhase() { return phase; }
  public void setPhase(RolloutPhase phase) { this.phase = phase; }
  public String getRevision() { return revision; }
  public void setRevision(String revision) { this.revision = revision; }
  public Integer getStep() { return step; }
  public void setStep(Integer step) { this.step = step; }
  public Integer getCanaryReplicas() { return canaryReplicas; }
  public void setCanaryReplicas(Integer canaryReplicas) { this.canaryReplicas = canaryReplicas; }
  public String getStepStartedAt() { return stepStartedAt; }
  public void setStepStartedAt(String stepStartedAt) { this.stepStartedAt = stepStartedAt; }
  public String getAnalysedAt() { return analysedAt; }
  public void setAnalysedAt(String analysedAt) { this.analysedAt = analysedAt; }
  public Boolean getForced() { return forced; }
  public void setForced(Boolean forced) { this.forced = forced; }
  public List<RolloutCheck> getChecks() { return checks; }
  public void setChecks(List<RolloutCheck> checks) { this.checks = checks; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
}

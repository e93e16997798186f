package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** The state machine of one playbook run; the only state remediation keeps, so a restart resumes from it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IncidentStatus {
  @JsonPropertyDescription("Detected, Mitigating (AwaitingApproval while a step waits for a person), Verifying, then Resolved or"
      + " Escalated; or Suppressed.")
  private IncidentPhase phase;
  @JsonPropertyDescription("Why the Incident is in its phase, e.g. why it was suppressed.")
  private String reason;
  @JsonPropertyDescription("A sentence for people.")
  private String message;
  @JsonPropertyDescription("The ProgressiveAgent the alert concerns, in the Incident's namespace.")
  private String target;
  @JsonPropertyDescription("namespace/name of the RemediationPlaybook that runs.")
  private String playbook;
  @JsonPropertyDescription("The run's copy of the playbook, taken when it started: the run follows it, so later edits"
      + " of the playbook change later Incidents only.")
  private PlaybookSnapshot run;
  @JsonPropertyDescription("When the playbook run started (RFC 3339).")
  private String startedAt;
  @JsonPropertyDescription("The agents this run holds and acts on, decided when it started (its steps act on no other);"
      + " empty for a run that acts on no agent, absent for runs an older version started.")
  private List<String> agents;
  @JsonPropertyDescription("Agents the run would have acted on but leaves alone, and why.")
  private List<HeldBackAgent> heldBack = new ArrayList<>();
  @JsonPropertyDescription("Each step, recorded before and after it runs.")
  private List<StepRecord> steps = new ArrayList<>();
  @JsonPropertyDescription("Changes asked of agents; withdrawn once the incident is over and its cool-down passed.")
  private List<Mitigation> mitigations = new ArrayList<>();
  @JsonPropertyDescription("Name of the ConfigMap that holds the collected diagnostics.")
  private String diagnostics;
  @JsonPropertyDescription("Whether the run only recorded what it would do.")
  private Boolean dryRun;
  @JsonPropertyDescription("What the verify step found: true when the alert resolved and the agents were Ready,"
      + " false when they were not by its timeout; absent when no verify step ended.")
  private Boolean effective;
  @JsonPropertyDescription("When the run reached Resolved, Escalated or Suppressed (RFC 3339).")
  private String finishedAt;

  public IncidentPhase getPhase() { return phase; }
  public void setPhase(IncidentPhase phase) { this.phase = phase; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
  public String getTarget() { return target; }
  public void setTarget(String target) { this.target = target; }
  public String getPlaybook() { return playbook; }
  public void setPlaybook(String playbook) { this.playbook = playbook; }
  public PlaybookSnapshot getRun() { return run; }
  public void setRun(PlaybookSnapshot run) { this.run = run; }
  public String getStartedAt() { return startedAt; }
  public void setStartedAt(String startedAt) { this.startedAt = startedAt; }
  public List<String> getAgents() { return agents; }
  public void setAgents(List<String> agents) { this.agents = agents; }
  public List<HeldBackAgent> getHeldBack() { return heldBack; }
  public void setHeldBack(List<HeldBackAgent> heldBack) { this.heldBack = heldBack; }
  public List<StepRecord> getSteps() { return steps; }
  public void setSteps(List<StepRecord> steps) { this.steps = steps; }
  public List<Mitigation> getMitigations() { return mitigations; }
  public void setMitigations(List<Mitigation> mitigations) { this.mitigations = mitigations; }
  public String getDiagnostics() { return diagnostics; }
  public void setDiagnostics(String diagnostics) { this.diagnostics = diagnostics; }
  public Boolean getDryRun() { return dryRun; }
  public void setDryRun(Boolean dryRun) { this.dryRun = dryRun; }
  public Boolean getEffective() { return effective; }
  public void setEffective(Boolean effective) { this.effective = effective; }
  public String getFinishedAt() { return finishedAt; }
  public void setFinishedAt(String finishedAt) { this.finishedAt = finishedAt; }
}

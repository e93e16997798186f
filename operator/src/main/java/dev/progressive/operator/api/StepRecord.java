package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One step of the playbook run, recorded before it runs (Running) and after (its outcome). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StepRecord {
  public enum Outcome { Running, Succeeded, Failed, Skipped }

  @JsonPropertyDescription("Position of the step in the playbook, from 0.")
  private Integer index;
  @JsonPropertyDescription("The step's action.")
  private StepAction action;
  @JsonPropertyDescription("Running while the step is under way, then Succeeded, Failed or Skipped.")
  private Outcome outcome;
  @JsonPropertyDescription("When the step started (RFC 3339).")
  private String startedAt;
  @JsonPropertyDescription("When the step ended (RFC 3339).")
  private String finishedAt;
  @JsonPropertyDescription("What the step did or why it failed.")
  private String message;

  public StepRecord() {}

  public StepRecord(int index, StepAction action, Outcome outcome, String startedAt, String message) {
    this.index = index;
    this.action = action;
    this.outcome = outcome;
    this.startedAt = startedAt;
    this.message = message;
  }

  public Integer getIndex() { return index; }
  public void setIndex(Integer index) { this.index = index; }
  public StepAction getAction() { return action; }
  public void setAction(StepAction action) { this.action = action; }
  public Outcome getOutcome() { return outcome; }
  public void setOutcome(Outcome outcome) { this.outcome = outcome; }
  public String getStartedAt() { return startedAt; }
  public void setStartedAt(String startedAt) { this.startedAt = startedAt; }
  public String getFinishedAt() { return finishedAt; }
  public void setFinishedAt(String finishedAt) { this.finishedAt = finishedAt; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
}

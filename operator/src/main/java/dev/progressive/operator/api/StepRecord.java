package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One step of the playbook run, recorded before it runs (Running) and after (its outcome). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StepRecord {
  public enum Outcome { Running, Succeeded, Failed, Skipped }

  /** Where a step that needs a person's approval stands. */
  public enum Approval { pending, approved, rejected, timedOut }

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
  @JsonPropertyDescription("For a step that needs approval: pending while it waits, then approved, rejected or timedOut.")
  private Approval approval;
  @JsonPropertyDescription("Why the step needs approval: ApprovalRequired, TooManyTargets or IncidentStorm (the first"
      + " that applies; the message says all).")
  private String approvalReason;
  @JsonPropertyDescription("When the step began waiting for approval (RFC 3339).")
  private String approvalRequestedAt;
  @JsonPropertyDescription("When the approval was decided, or timed out (RFC 3339).")
  private String approvalDecidedAt;

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
  public Approval getApproval() { return approval; }
  public void setApproval(Approval approval) { this.approval = approval; }
  public String getApprovalReason() { return approvalReason; }
  public void setApprovalReason(String approvalReason) { this.approvalReason = approvalReason; }
  public String getApprovalRequestedAt() { return approvalRequestedAt; }
  public void setApprovalRequestedAt(String approvalRequestedAt) { this.approvalRequestedAt = approvalRequestedAt; }
  public String getApprovalDecidedAt() { return approvalDecidedAt; }
  public void setApprovalDecidedAt(String approvalDecidedAt) { this.approvalDecidedAt = approvalDecidedAt; }
}

package dev.progressive.operator.remediation;

import dev.progressive.operator.api.Guardrails;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.common.Durations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Whether a step must wait for a person before it runs, and why: the step asks for it, it would change
 * more agents than maxTargets, or it is disruptive while an incident storm goes on. Pure: the caller
 * passes what it read. The vocabulary of approval (annotation, values, reasons) is declared here once.
 */
final class ApprovalPolicy {
  /** The annotation on the Incident through which a person decides. */
  static final String ANNOTATION = "progressive.dev/approval";
  static final String APPROVED = "approved";
  static final String REJECTED = "rejected";

  /** Why a step waits: the step says approval: required. */
  static final String REQUIRED = "ApprovalRequired";
  /** Why a step waits: it would change more agents than maxTargets. */
  static final String TOO_MANY_TARGETS = "TooManyTargets";
  /** Why a step waits: it is disruptive, and more Incidents than stormThreshold opened within stormWindow. */
  static final String STORM = "IncidentStorm";
  /** How a run ends when a person rejects its step. */
  static final String REJECTED_REASON = "ApprovalRejected";
  /** How a run ends when nobody decides within approvalTimeout. */
  static final String TIMED_OUT_REASON = "ApprovalTimedOut";
  /** The reason an Incident shows once its step was approved and the run goes on. */
  static final String APPROVED_REASON = "Approved";

  private ApprovalPolicy() {}

  /** One reason a step needs approval: its code (an Incident reason) and a phrase for people. */
  record Need(String reason, String why) {}

  /**
   * Every reason the step needs approval, in the order explicit, maxTargets, storm; empty when it may run.
   *
   * @param targets the agents the step acts on
   * @param created when each Incident of the namespace was created, this one included
   */
  static List<Need> needs(Step step, List<String> targets, Guardrails guardrails, Collection<Instant> created, Instant now) {
    var needs = new ArrayList<Need>();
    if (step.getApproval() == Step.Approval.required) {
      needs.add(new Need(REQUIRED, "the step says approval: required"));
    }
    // Only a step that changes agents acts on them; diagnostics and verify read them.
    boolean changes = step.getAction().mitigation().isPresent();
    if (changes && targets.size() > guardrails.getMaxTargets()) {
      needs.add(new Need(TOO_MANY_TARGETS, targets.size() + " targets, more than maxTargets=" + guardrails.getMaxTargets()));
    }
    if (step.getAction().disruptive() && !targets.isEmpty()) {
      var since = now.minus(Durations.parse(guardrails.getStormWindow(), "spec.guardrails.stormWindow"));
      long opened = created.stream().filter(at -> at.isAfter(since)).count();
      if (opened > guardrails.getStormThreshold()) {
        needs.add(new Need(STORM, opened + " Incidents opened in the namespace within " + guardrails.getStormWindow()
            + ", more than stormThreshold=" + guardrails.getStormThreshold() + ", and " + step.getAction().word()
            + " is disruptive"));
      }
    }
    return needs;
  }
}

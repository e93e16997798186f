package dev.progressive.operator.remediation;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.StepRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Incident's copy of its playbook one step at a time: a step is recorded as Running before it
 * acts, and with its outcome after, each in its own status write, so an interrupted run resumes at the
 * right step. A step that only records (a mitigation the agent reconciler folds in) acts by being
 * written, so its start and outcome share a write, together with the next step's start.
 */
final class PlaybookRun {
  static final String STEP_FAILED = "StepFailed";
  private static final Logger LOG = LoggerFactory.getLogger(PlaybookRun.class);

  private final RemediationMetrics metrics;
  private final Map<StepAction, Action> actions = new EnumMap<>(StepAction.class);
  private final ApprovalGate approvals;

  PlaybookRun(RemediationSettings settings, RemediationMetrics metrics) {
    this.metrics = metrics;
    for (var action : StepAction.values()) {
      action.mitigation().ifPresent(type -> actions.put(action, new MitigationAction(type)));
    }
    actions.put(StepAction.DIAGNOSTICS, new DiagnosticsAction(settings.prometheus()));
    var notify = new NotifyAction(false);
    actions.put(StepAction.NOTIFY, notify);
    actions.put(StepAction.ESCALATE, new NotifyAction(true));
    actions.put(StepAction.VERIFY, new VerifyAction());
    if (actions.size() != StepAction.values().length) {
      throw new IllegalStateException("a step kind without an action: " + EnumSet.complementOf(EnumSet.copyOf(actions.keySet())));
    }
    approvals = new ApprovalGate(notify,
        kind -> actions.get(kind).phaseWhileRunning().orElse(IncidentPhase.Mitigating), this::refused);
  }

  /**
   * The next transition of a run that has its copy of the playbook.
   *
   * @param inNamespace the Incidents of the run's namespace, as the controller's cache has them
   */
  Transition advance(IncidentRun run, Supplier<Stream<Incident>> inNamespace) {
    var status = run.status();
    var steps = run.plan().orElseThrow().getSteps();
    var records = status.getSteps();
    var last = records.isEmpty() ? null : records.get(records.size() - 1);
    if (last != null && last.getOutcome() == StepRecord.Outcome.Running) {
      return runStep(run, steps.get(last.getIndex()), last, inNamespace);
    }
    int next = records.size();
    if (next < steps.size()) {
      var step = steps.get(next);
      records.add(new StepRecord(next, step.getAction(), StepRecord.Outcome.Running, run.now().toString(), "starting"));
      var action = actions.get(step.getAction());
      action.phaseWhileRunning().ifPresent(status::setPhase);
      return action.onlyRecords() ? Transition.onwardInTheSameWrite() : Transition.onward();
    }
    if (run.alertResolved()) {
      return finish(run, IncidentPhase.Resolved, "AlertResolved", "every step ran and the alert resolved");
    }
    status.setPhase(IncidentPhase.Verifying);
    status.setReason("AwaitingAlertResolution");
    status.setMessage("every step ran; the Incident resolves when the alert does");
    // The intake writes spec.resolvedAt, which bumps the generation and wakes this Incident.
    return Transition.recorded();
  }

  private Transition runStep(IncidentRun run, Step step, StepRecord record, Supplier<Stream<Incident>> inNamespace) {
    var held = approvals.hold(run, step, record, inNamespace);
    if (held.isPresent()) {
      return held.get();
    }
    StepOutcome outcome;
    try {
      outcome = actions.get(step.getAction()).run(run, step, record);
    } catch (RuntimeException e) {
      if (StepFailure.stopping(e)) {
        throw e;
      }
      // Thrown on, the reconcile would be retried, repeating what the step did before it failed, and
      // once the retries ran out the run would stand still holding its mitigations. It ends here instead.
      LOG.warn("Incident {}/{}: step {} ({}) failed; escalating", run.namespace(), run.incident().getMetadata().getName(),
          record.getIndex(), step.getAction().word(), e);
      return failed(run, step, record, StepFailure.describe(e));
    }
    if (!outcome.done()) {
      boolean changed = !outcome.message().equals(record.getMessage());
      record.setMessage(outcome.message());
      return Transition.lookAgainIn(outcome.lookAgainIn().orElseThrow(), changed);
    }
    end(run, step, record, outcome.outcome(), outcome.message());
    boolean lastStep = record.getIndex() == run.plan().orElseThrow().getSteps().size() - 1;
    var end = actions.get(step.getAction()).endsRun(outcome.outcome(), lastStep);
    if (end.isPresent()) {
      return finish(run, end.get().phase(), end.get().reason(), outcome.message());
    }
    if (run.status().getPhase() == IncidentPhase.Verifying) {
      run.status().setPhase(IncidentPhase.Mitigating);
    }
    // What follows a step's end is the next step's start, or the run's end: records both.
    return Transition.onwardInTheSameWrite();
  }

  /** A step that threw ends the run: the steps after it do not run, and a person takes over. */
  private Transition failed(IncidentRun run, Step step, StepRecord record, String cause) {
    end(run, step, record, StepRecord.Outcome.Failed, "failed: " + cause);
    return escalate(run, STEP_FAILED, "step " + record.getIndex() + " (" + step.getAction().word() + ") failed: " + cause
        + "; the run stopped there and a person has to take over");
  }

  /** A step a person rejected, or left undecided too long, is skipped and ends the run: a person takes over. */
  private Transition refused(IncidentRun run, Step step, StepRecord record, ApprovalGate.Refusal refusal) {
    end(run, step, record, StepRecord.Outcome.Skipped, refusal.stepMessage());
    return escalate(run, refusal.reason(), refusal.message());
  }

  private void end(IncidentRun run, Step step, StepRecord record, StepRecord.Outcome outcome, String message) {
    record.setOutcome(outcome);
    record.setMessage(message);
    record.setFinishedAt(run.now().toString());
    metrics.action(step.getAction(), outcome, Duration.between(Instant.parse(record.getStartedAt()), run.now()));
  }

  /** Ends the run Escalated; its mitigations are withdrawn as a resolved run's are. */
  Transition escalate(IncidentRun run, String reason, String message) {
    return finish(run, IncidentPhase.Escalated, reason, message);
  }

  private Transition finish(IncidentRun run, IncidentPhase phase, String reason, String message) {
    var status = run.status();
    status.setPhase(phase);
    status.setReason(reason);
    status.setMessage(message);
    status.setFinishedAt(run.now().toString());
    run.announce(phase.name().toLowerCase(Locale.ROOT), phase == IncidentPhase.Escalated, "Incident" + phase.name(), message);
    return Transition.onward();
  }

  /** Records, without running anything, what each step of the run's copy would have done, and what it would wait for. */
  void recordDryRun(IncidentRun run, Supplier<Stream<Incident>> inNamespace) {
    var steps = run.plan().orElseThrow().getSteps();
    for (int i = 0; i < steps.size(); i++) {
      var step = steps.get(i);
      var record = new StepRecord(i, step.getAction(), StepRecord.Outcome.Skipped, run.now().toString(),
          actions.get(step.getAction()).describe(run, step)
              + ApprovalGate.wouldAwait(run, step, inNamespace).map(wait -> "; " + wait).orElse(""));
      record.setFinishedAt(run.now().toString());
      run.status().getSteps().add(record);
    }
  }
}

package dev.progressive.operator.remediation;

import dev.progressive.operator.api.Guardrails;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.StepRecord;
import dev.progressive.operator.common.Durations;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Holds a step that needs a person's approval until one decides through the annotation
 * {@value ApprovalPolicy#ANNOTATION} on the Incident. What it knows is in the step's record and the
 * annotation, so a restarted operator goes on waiting. An annotation does not bump the generation, so
 * no event reports it: the gate looks again every few seconds, at the cached Incident, and writes the
 * status only when it changed.
 */
final class ApprovalGate {
  private static final Duration LOOK_AGAIN = Duration.ofSeconds(3);
  /** After removing the annotation: soon, for the cache to show it gone before the step runs. */
  private static final Duration CONFIRM_REMOVAL = Duration.ofMillis(250);
  private static final String REMOVE_ANNOTATION =
      "{\"metadata\":{\"annotations\":{\"" + ApprovalPolicy.ANNOTATION + "\":null}}}";

  /** How a step a person refused, or left undecided, ends the run. */
  @FunctionalInterface
  interface Refusing {
    Transition refuse(IncidentRun run, Step step, StepRecord record, Refusal refusal);
  }

  /** The end of a refused step: its record's message, and the run's reason and message. */
  record Refusal(String stepMessage, String reason, String message) {}

  private final ApprovalRequest request;
  private final Function<StepAction, IncidentPhase> runningPhase;
  private final Refusing refusing;

  /** runningPhase: the phase a run shows while a step of that kind runs. */
  ApprovalGate(NotifyAction notify, Function<StepAction, IncidentPhase> runningPhase, Refusing refusing) {
    this.request = new ApprovalRequest(notify);
    this.runningPhase = runningPhase;
    this.refusing = refusing;
  }

  /** Empty when the step may run now; else the transition that holds it, or ends the run. */
  Optional<Transition> hold(IncidentRun run, Step step, StepRecord record, Supplier<Stream<Incident>> inNamespace) {
    if (record.getApproval() == null) {
      var needs = needs(run, step, inNamespace);
      return needs.isEmpty() ? Optional.empty() : Optional.of(ask(run, step, record, needs));
    }
    if (record.getApproval() == StepRecord.Approval.pending) {
      return Optional.of(look(run, step, record));
    }
    return consume(run);
  }

  /** For a dry run: that the step would wait for approval, and why; empty if it would not. */
  static Optional<String> wouldAwait(IncidentRun run, Step step, Supplier<Stream<Incident>> inNamespace) {
    var needs = needs(run, step, inNamespace);
    return needs.isEmpty() ? Optional.empty() : Optional.of("would await approval: " + ApprovalRequest.whys(needs));
  }

  private static List<ApprovalPolicy.Need> needs(IncidentRun run, Step step, Supplier<Stream<Incident>> inNamespace) {
    var created = inNamespace.get().map(i -> i.getMetadata().getCreationTimestamp())
        .filter(Objects::nonNull).map(Instant::parse).toList();
    return ApprovalPolicy.needs(step, ApprovalRequest.names(run.targets(step)), guardrails(run), created, run.now());
  }

  private Transition ask(IncidentRun run, Step step, StepRecord record, List<ApprovalPolicy.Need> needs) {
    var status = run.status();
    var text = ApprovalRequest.text(run, step, record, needs);
    status.setPhase(IncidentPhase.AwaitingApproval);
    record.setApproval(StepRecord.Approval.pending);
    record.setApprovalReason(needs.get(0).reason());
    record.setApprovalRequestedAt(run.now().toString());
    record.setMessage(text + request.post(run, text));
    status.setReason(record.getApprovalReason());
    status.setMessage(record.getMessage());
    run.announce("approval-" + record.getIndex(), true, "ApprovalRequested", text);
    return Transition.lookAgainIn(LOOK_AGAIN, true);
  }

  private Transition look(IncidentRun run, Step step, StepRecord record) {
    var value = annotation(run.incident());
    if (ApprovalPolicy.APPROVED.equals(value)) {
      return approve(run, step, record);
    }
    if (ApprovalPolicy.REJECTED.equals(value)) {
      return refuse(run, step, record, StepRecord.Approval.rejected, new Refusal("rejected at " + run.now(),
          ApprovalPolicy.REJECTED_REASON, describe(step, record) + " was rejected at " + run.now() + "; a person takes over"));
    }
    var timeout = guardrails(run).getApprovalTimeout();
    var deadline = Instant.parse(record.getApprovalRequestedAt()).plus(Durations.parse(timeout, "spec.guardrails.approvalTimeout"));
    if (!run.now().isBefore(deadline)) {
      return refuse(run, step, record, StepRecord.Approval.timedOut, new Refusal("not decided within " + timeout,
          ApprovalPolicy.TIMED_OUT_REASON, describe(step, record) + " was neither approved nor rejected within approvalTimeout="
              + timeout + "; a person takes over"));
    }
    var message = record.getMessage() + (value == null ? "" : "; the value \"" + value + "\" of " + ApprovalPolicy.ANNOTATION
        + " is not understood: use " + ApprovalPolicy.APPROVED + " or " + ApprovalPolicy.REJECTED + " (kubectl annotate --overwrite)");
    var status = run.status();
    // Paused and resumed meanwhile, the Incident says so; once it goes on waiting, it asks again.
    boolean changed = status.getPhase() != IncidentPhase.AwaitingApproval
        || !record.getApprovalReason().equals(status.getReason()) || !message.equals(status.getMessage());
    status.setPhase(IncidentPhase.AwaitingApproval);
    status.setReason(record.getApprovalReason());
    status.setMessage(message);
    var untilDeadline = Duration.between(run.now(), deadline);
    return Transition.lookAgainIn(untilDeadline.compareTo(LOOK_AGAIN) < 0 ? untilDeadline : LOOK_AGAIN, changed);
  }

  /** Records the approval; the step runs once the annotation is gone (see {@link #consume}). */
  private Transition approve(IncidentRun run, Step step, StepRecord record) {
    decided(run, record, StepRecord.Approval.approved);
    record.setMessage("approved at " + run.now());
    var status = run.status();
    status.setPhase(runningPhase.apply(step.getAction()));
    status.setReason(ApprovalPolicy.APPROVED_REASON);
    status.setMessage(describe(step, record) + " was approved at " + run.now() + "; the run goes on");
    run.announce("approved-" + record.getIndex(), false, "ApprovalGranted", status.getMessage());
    return Transition.onward();
  }

  private Transition refuse(IncidentRun run, Step step, StepRecord record, StepRecord.Approval decision, Refusal refusal) {
    decided(run, record, decision);
    return refusing.refuse(run, step, record, refusal);
  }

  private static void decided(IncidentRun run, StepRecord record, StepRecord.Approval decision) {
    record.setApproval(decision);
    record.setApprovalDecidedAt(run.now().toString());
  }

  /**
   * An approved step runs only once the annotation is gone, so that a later step needs its own approval.
   * The decision was recorded first, in its own status write, so that removing the annotation can never
   * lose it; the step then runs on a copy from the cache that shows the annotation gone.
   */
  private static Optional<Transition> consume(IncidentRun run) {
    if (annotation(run.incident()) == null) {
      return Optional.empty();
    }
    run.client().resource(run.incident()).patch(PatchContext.of(PatchType.JSON_MERGE), REMOVE_ANNOTATION);
    return Optional.of(Transition.lookAgainIn(CONFIRM_REMOVAL, false));
  }

  private static String annotation(Incident incident) {
    var annotations = incident.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(ApprovalPolicy.ANNOTATION);
  }

  private static Guardrails guardrails(IncidentRun run) {
    return run.plan().orElseThrow().getGuardrails();
  }

  private static String describe(Step step, StepRecord record) {
    return "step " + record.getIndex() + " (" + step.getAction().word() + ")";
  }
}

package dev.progressive.operator.remediation;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.Sink;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a step asks for approval: one sentence that names the step, its kind, its targets, why and how to
 * decide, posted to the sinks of the run's notify and escalate steps, so that the people who hear of the
 * incident hear of the question too.
 */
final class ApprovalRequest {
  private final NotifyAction notify;

  ApprovalRequest(NotifyAction notify) {
    this.notify = notify;
  }

  /** "step 2 (restart) on npa, mca: 2 targets, ...; approve with: kubectl annotate ..." */
  static String text(IncidentRun run, Step step, StepRecord record, List<ApprovalPolicy.Need> needs) {
    var meta = run.incident().getMetadata();
    return "step " + record.getIndex() + " (" + step.getAction().word() + ") on " + targetText(run, step) + ": "
        + whys(needs) + "; approve with: kubectl annotate incident " + meta.getName() + " -n " + meta.getNamespace()
        + " " + ApprovalPolicy.ANNOTATION + "=" + ApprovalPolicy.APPROVED + " (or " + ApprovalPolicy.REJECTED + ")";
  }

  static String whys(List<ApprovalPolicy.Need> needs) {
    return needs.stream().map(ApprovalPolicy.Need::why).collect(Collectors.joining("; "));
  }

  static List<String> names(List<ProgressiveAgent> agents) {
    return agents.stream().map(a -> a.getMetadata().getName()).toList();
  }

  static String targetText(IncidentRun run, Step step) {
    var targets = names(run.targets(step));
    return targets.isEmpty() ? "no agent" : String.join(", ", targets);
  }

  /**
   * Posts the request to every distinct sink the run's steps name (its notify and escalate steps). A sink that fails
   * does not stop the request: answers what failed, as a suffix for the message ("" when nothing did).
   */
  String post(IncidentRun run, String message) {
    var sinks = new LinkedHashMap<String, Sink>();
    run.plan().orElseThrow().getSteps().stream()
        .filter(s -> s.getSink() != null)
        .forEach(s -> sinks.putIfAbsent(s.getSink().getSecretName() + "/" + s.getSink().getKey() + "/" + s.getSink().getFormat(),
            s.getSink()));
    var failures = new StringBuilder();
    for (var sink : sinks.values()) {
      notify.postTo(run, sink, message).ifPresent(failure -> failures.append("; posting the request to the ")
          .append(sink.getFormat()).append(" sink of Secret ").append(sink.getSecretName()).append(" failed: ").append(failure));
    }
    return failures.toString();
  }
}

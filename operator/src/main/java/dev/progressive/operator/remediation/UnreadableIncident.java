package dev.progressive.operator.remediation;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.common.SpecViolation;
import java.util.stream.Collectors;

/**
 * An Incident this operator cannot fully read acts on nothing. One whose status cannot be read
 * (written by a newer operator, say) is left as it is, since writing a status would lose what it
 * holds: an Event says why. One whose spec cannot be read is Suppressed before its run, or ends its
 * run Escalated, so that a person looks and its mitigations are withdrawn as after any run.
 */
final class UnreadableIncident {
  static final String INVALID_STATUS = "InvalidStatus";

  private UnreadableIncident() {}

  /** Whether this decides the reconcile; a finished run goes on to its aftermath, which withdraws mitigations. */
  static boolean applies(Incident incident) {
    var phase = incident.getStatus().getPhase();
    return !incident.readable() && (statusUnreadable(incident) || phase == null || !phase.isFinal());
  }

  private static boolean statusUnreadable(Incident incident) {
    return incident.unreadableSpec().size() < incident.unreadable().size();
  }

  static Transition handle(IncidentRun run) {
    var incident = run.incident();
    var message = incident.unreadable().stream().map(SpecViolation::toString).collect(Collectors.joining("; "));
    if (statusUnreadable(incident)) {
      run.announce("invalid-status", true, INVALID_STATUS,
          "this operator cannot read the Incident's status and leaves it as it is: " + message);
      return Transition.none();
    }
    var status = run.status();
    var phase = status.getPhase();
    status.setPhase(phase == null || phase == IncidentPhase.Detected ? IncidentPhase.Suppressed : IncidentPhase.Escalated);
    status.setReason(Conditions.INVALID_SPEC);
    status.setMessage(message);
    status.setFinishedAt(run.now().toString());
    run.announce("invalid-spec", true, Conditions.INVALID_SPEC, message);
    return Transition.onward();
  }
}

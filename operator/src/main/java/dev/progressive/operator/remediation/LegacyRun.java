package dev.progressive.operator.remediation;

import dev.progressive.operator.api.IncidentStatus;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.PlaybookSnapshot;
import dev.progressive.operator.api.RemediationPlaybook;
import java.util.Optional;

/**
 * Incidents that an operator version without run copies started have no status.run. Such a run takes the
 * live playbook as its copy (recorded with its next status write), but only while the steps it recorded
 * are still that playbook's steps: records are kept by index, so a shortened or reordered playbook would
 * run the wrong step or none.
 */
final class LegacyRun {
  static final String PLAYBOOK_DELETED = "PlaybookDeleted";
  static final String PLAYBOOK_CHANGED = "PlaybookChanged";

  private LegacyRun() {}

  /** The copy to record, or why there is none. */
  record Adoption(Optional<PlaybookSnapshot> copy, String reason, String message) {}

  /** Whether the Incident still needs its playbook: its run goes on, or it holds mitigations to withdraw. */
  static boolean needsCopy(IncidentStatus status) {
    return status.getRun() == null
        && (!status.getPhase().isFinal() || status.getMitigations().stream().anyMatch(Mitigation::isActive));
  }

  static Adoption adopt(IncidentStatus status, Optional<RemediationPlaybook> live) {
    if (live.isEmpty()) {
      return new Adoption(Optional.empty(), PLAYBOOK_DELETED, "playbook " + status.getPlaybook()
          + " no longer exists and this run, started by an earlier operator version, kept no copy of it;"
          + " a person has to take over");
    }
    if (!PlaybookValidation.validate(live.get()).isEmpty()) {
      // Its durations, say, may not parse: a copy of it could neither run nor ever withdraw its mitigations.
      return new Adoption(Optional.empty(), PLAYBOOK_CHANGED, "playbook " + status.getPlaybook()
          + " is no longer valid (its Ready condition says why) and this run, started by an earlier operator version,"
          + " kept no copy of it; a person has to take over");
    }
    var copy = PlaybookSnapshot.of(live.get());
    // A finished run only needs the guardrails; its step records no longer matter.
    if (!status.getPhase().isFinal() && !recordedFrom(status, copy)) {
      return new Adoption(Optional.empty(), PLAYBOOK_CHANGED, "playbook " + status.getPlaybook()
          + " changed while this run, started by an earlier operator version, was under way, and it kept no copy of it;"
          + " a person has to take over");
    }
    return new Adoption(Optional.of(copy), null, null);
  }

  private static boolean recordedFrom(IncidentStatus status, PlaybookSnapshot copy) {
    var steps = copy.getSteps();
    return status.getSteps().stream().allMatch(record -> record.getIndex() != null && record.getIndex() < steps.size()
        && steps.get(record.getIndex()).getAction() == record.getAction());
  }
}

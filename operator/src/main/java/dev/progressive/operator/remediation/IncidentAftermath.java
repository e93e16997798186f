package dev.progressive.operator.remediation;

import dev.progressive.operator.api.Guardrails;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.PlaybookSnapshot;
import dev.progressive.operator.common.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What happens after a run ends, Resolved or Escalated alike: temporary mitigations are withdrawn once
 * the alert resolved and the run's revertAfter passed, and finished Incidents are deleted by count and age.
 */
final class IncidentAftermath {
  /** Finish time, newest first, then name. */
  private static final Comparator<Map.Entry<String, String>> NEWEST_FIRST =
      Map.Entry.<String, String>comparingByKey().reversed().thenComparing(Map.Entry.comparingByValue());
  private final RemediationSettings settings;

  IncidentAftermath(RemediationSettings settings) {
    this.settings = settings;
  }

  Transition handle(IncidentRun run, Supplier<Stream<Incident>> inNamespace) {
    var status = run.status();
    boolean holding = status.getMitigations().stream().anyMatch(Mitigation::isActive);
    if (holding) {
      return revertWhenDue(run);
    }
    if (expired(run, inNamespace)) {
      run.client().resource(run.incident()).delete();
      return Transition.none();
    }
    var age = Duration.between(Instant.parse(status.getFinishedAt()), run.now());
    return Transition.lookAgainIn(settings.keepFor().minus(age).plusSeconds(1), false);
  }

  private Transition revertWhenDue(IncidentRun run) {
    if (!run.alertResolved()) {
      // Still firing: the mitigations stay until the alert resolves (spec.resolvedAt wakes us).
      return Transition.none();
    }
    // The run's copy decides, never the live playbook; a run an older version left without one gets the default.
    var revertAfter = run.plan().map(PlaybookSnapshot::getGuardrails)
        .map(Guardrails::getRevertAfter).orElse(new Guardrails().getRevertAfter());
    var due = Instant.parse(run.incident().getSpec().getResolvedAt())
        .plus(Durations.parse(revertAfter, "spec.guardrails.revertAfter"));
    if (run.now().isBefore(due)) {
      return Transition.lookAgainIn(Duration.between(run.now(), due), false);
    }
    var reverted = run.status().getMitigations().stream().filter(Mitigation::isActive).toList();
    reverted.forEach(m -> m.setRevertedAt(run.now().toString()));
    run.announce("reverted", false, "MitigationsReverted",
        "withdrew " + reverted.size() + " temporary mitigation(s) after the alert resolved");
    return Transition.onward();
  }

  /**
   * Older than the retention age, or beyond the newest {@code keepResolved} finished Incidents. Counts the
   * newer ones in one pass: each finished Incident of a storm looks here, so a sort each would be N² log N.
   */
  private boolean expired(IncidentRun run, Supplier<Stream<Incident>> inNamespace) {
    var finishedAt = Instant.parse(run.status().getFinishedAt());
    if (!finishedAt.plus(settings.keepFor()).isAfter(run.now())) {
      return true;
    }
    var own = run.status().getFinishedAt();
    var name = run.incident().getMetadata().getName();
    long newer = inNamespace.get()
        .filter(i -> i.getStatus() != null && i.getStatus().getPhase() != null && i.getStatus().getPhase().isFinal())
        .map(i -> i.getStatus().getFinishedAt() == null ? null : Map.entry(i.getStatus().getFinishedAt(), i.getMetadata().getName()))
        .filter(other -> other != null && NEWEST_FIRST.compare(other, Map.entry(own, name)) < 0)
        .count();
    return newer >= settings.keepResolved();
  }
}

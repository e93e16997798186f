package dev.progressive.operator.remediation;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Operator-wide remediation settings.
 *
 * @param dryRun record what every playbook would do, run nothing
 * @param prometheus where diagnostics run the seed's queries, if anywhere
 * @param keepResolved how many finished Incidents to keep per namespace
 * @param keepFor how long to keep a finished Incident
 * @param paused the operator-wide kill switch: every Incident holds before its next step
 */
public record RemediationSettings(boolean dryRun, Optional<URI> prometheus, int keepResolved, Duration keepFor,
    boolean paused) {
  public static RemediationSettings defaults() {
    return new RemediationSettings(false, Optional.empty(), 100, Duration.ofDays(7), false);
  }

  public RemediationSettings withPrometheus(Optional<URI> prometheus) {
    return new RemediationSettings(dryRun, prometheus, keepResolved, keepFor, paused);
  }
}

package dev.progressive.operator.stack;

import static dev.progressive.operator.common.Conditions.of;
import static dev.progressive.operator.common.Conditions.unknown;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether alerts reach the operator, judged from the last heartbeat the intake recorded: the condition
 * AlertPath, and when to look again so that it turns False on time even if no event comes. A pure function.
 */
final class AlertPathVerdict {
  static final String ALERT_PATH = "AlertPath";
  static final String HEARTBEAT_RECEIVED = "HeartbeatReceived";
  static final String NO_HEARTBEAT = "NoHeartbeat";
  static final String AWAITING_HEARTBEAT = "AwaitingHeartbeat";
  static final String RECEIVER_MISSING = "ReceiverMissing";
  /** Heartbeats missed before the path counts as broken: one late delivery is no outage. */
  static final int MISSED_INTERVALS = 3;

  private AlertPathVerdict() {}

  /**
   * @param created when the stack was created: before its first heartbeat, the path is not known yet
   * @param interval how often the heartbeat arrives while the path works
   */
  record Observation(Instant now, Instant created, Optional<Instant> lastHeartbeat, Duration interval,
      AlertmanagerCheck alertmanager) {

    Duration allowed() {
      return interval.multipliedBy(MISSED_INTERVALS);
    }

    boolean fresh() {
      return lastHeartbeat.filter(last -> now.isBefore(last.plus(allowed()))).isPresent();
    }

    boolean awaiting() {
      return lastHeartbeat.isEmpty() && now.isBefore(created.plus(allowed()));
    }
  }

  static Condition condition(Observation seen) {
    var missing = seen.alertmanager().missingReceiver();
    if (missing.isPresent()) {
      return of(ALERT_PATH, false, RECEIVER_MISSING, "Alertmanager has no receiver " + missing.get()
          + ": alerts cannot reach the operator; remediation is blind");
    }
    var note = seen.alertmanager().note();
    if (seen.fresh()) {
      // Not the heartbeat's time, which status.alertPath.lastHeartbeat holds: each heartbeat would rewrite the condition.
      return of(ALERT_PATH, true, HEARTBEAT_RECEIVED, "The heartbeat arrives at least every " + seen.allowed().toSeconds()
          + "s: alerts reach the operator" + note);
    }
    if (seen.awaiting()) {
      return unknown(ALERT_PATH, AWAITING_HEARTBEAT, "No heartbeat yet; expected within " + seen.allowed().toSeconds()
          + "s of the stack's creation" + note);
    }
    return of(ALERT_PATH, false, NO_HEARTBEAT, "No heartbeat since " + seen.lastHeartbeat().orElse(seen.created())
        + "; remediation is blind" + note);
  }

  /**
   * When the verdict may change without any event: a fresh heartbeat going stale, the wait for the first
   * one running out, and, while the path is not known to work, the next heartbeat due.
   */
  static Duration recheckAfter(Observation seen) {
    if (seen.fresh()) {
      return Duration.between(seen.now(), seen.lastHeartbeat().get().plus(seen.allowed())).plusSeconds(1);
    }
    if (seen.awaiting()) {
      var deadline = Duration.between(seen.now(), seen.created().plus(seen.allowed())).plusSeconds(1);
      return deadline.compareTo(seen.interval()) < 0 ? deadline : seen.interval();
    }
    return seen.interval();
  }
}

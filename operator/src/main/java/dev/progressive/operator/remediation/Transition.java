package dev.progressive.operator.remediation;

import java.time.Duration;
import java.util.Optional;

/**
 * What one reconcile of an Incident decided: whether its status changed, when to look again, and
 * whether the run may take its next transition before the status is written.
 */
record Transition(boolean statusChanged, Optional<Duration> lookAgainIn, boolean goesOnAtOnce) {
  Transition(boolean statusChanged, Optional<Duration> lookAgainIn) {
    this(statusChanged, lookAgainIn, false);
  }

  /** The status changed and the run goes straight on to its next transition. */
  static Transition onward() {
    return new Transition(true, Optional.of(Duration.ZERO));
  }

  /**
   * The status changed, and what the run does next only records too: both go into one status write.
   * Nothing outside the Incident has to wait for this record, so an interruption before the write loses
   * nothing that the retry does not redo.
   */
  static Transition onwardInTheSameWrite() {
    return new Transition(true, Optional.of(Duration.ZERO), true);
  }

  /** This transition and then the next, taken in the same reconcile. */
  Transition then(Transition next) {
    return new Transition(statusChanged || next.statusChanged, next.lookAgainIn, next.goesOnAtOnce);
  }

  /** The status changed; an event (the alert resolving) moves the run on, not a timer. */
  static Transition recorded() {
    return new Transition(true, Optional.empty());
  }

  static Transition lookAgainIn(Duration delay, boolean statusChanged) {
    return new Transition(statusChanged, Optional.of(delay));
  }

  static Transition none() {
    return new Transition(false, Optional.empty());
  }

  /** The same, with the status written even if the step left it as it was. */
  Transition recordingStatus() {
    return new Transition(true, lookAgainIn);
  }
}

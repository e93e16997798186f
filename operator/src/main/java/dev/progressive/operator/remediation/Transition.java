package dev.progressive.operator.remediation;

import java.time.Duration;
import java.util.Optional;

/** What one reconcile of an Incident decided: whether its status changed, and when to look again. */
record Transition(boolean statusChanged, Optional<Duration> lookAgainIn) {
  /** The status changed and the run goes straight on to its next transition. */
  static Transition onward() {
    return new Transition(true, Optional.of(Duration.ZERO));
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

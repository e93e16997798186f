package dev.progressive.runtime.server;

import java.util.Optional;
import java.util.function.Supplier;

/** Ready unless draining or the agent reports a reason (e.g. a required upstream is down). */
final class Readiness {
  private final Supplier<Optional<String>> agentReason;
  private volatile boolean draining;

  Readiness(Supplier<Optional<String>> agentReason) {
    this.agentReason = agentReason;
  }

  void startDraining() {
    draining = true;
  }

  Optional<String> notReadyReason() {
    return draining ? Optional.of("draining") : agentReason.get();
  }

  boolean ready() {
    return notReadyReason().isEmpty();
  }
}

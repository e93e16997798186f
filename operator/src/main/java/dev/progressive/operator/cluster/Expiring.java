package dev.progressive.operator.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read from the cluster at most once per period. Discovery answers rarely change, and asking
 * on every reconcile of every agent would load the API server for nothing; re-reading after the
 * period still notices CRDs installed while the operator runs.
 */
final class Expiring<T> {
  private final Supplier<T> source;
  private final Duration period;
  private final Clock clock;
  private T value;
  private Instant readAt;

  Expiring(Supplier<T> source, Duration period, Clock clock) {
    this.source = source;
    this.period = period;
    this.clock = clock;
  }

  synchronized T get() {
    var now = clock.instant();
    if (readAt == null || !now.isBefore(readAt.plus(period))) {
      value = source.get();
      readAt = now;
    }
    return value;
  }
}

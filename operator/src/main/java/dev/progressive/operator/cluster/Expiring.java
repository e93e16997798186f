package dev.progressive.operator.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A value read from the cluster at most once per period. Discovery answers rarely change, and asking
 * on every reconcile of every agent would load the API server for nothing; re-reading after the
 * period still notices CRDs installed while the operator runs.
 *
 * <p>Once there is a value, an expired one is re-read by the one caller that notices first, while the
 * others go on with the value they had: a slow API server (in a storm, say) then holds up one
 * reconcile per period, not every reconcile that asks meanwhile.
 */
final class Expiring<T> {
  private record Read<T>(T value, Instant at) {}

  private final Supplier<T> source;
  private final Duration period;
  private final Clock clock;
  private final AtomicBoolean rereading = new AtomicBoolean();
  private volatile Read<T> last;

  Expiring(Supplier<T> source, Duration period, Clock clock) {
    this.source = source;
    this.period = period;
    this.clock = clock;
  }

  T get() {
    var read = last;
    if (read == null) {
      return first();
    }
    var now = clock.instant();
    if (now.isBefore(read.at().plus(period)) || !rereading.compareAndSet(false, true)) {
      return read.value();
    }
    try {
      last = new Read<>(source.get(), now);
      return last.value();
    } finally {
      rereading.set(false);
    }
  }

  /** Nothing to go on with yet: every caller waits for the first read. */
  private synchronized T first() {
    if (last == null) {
      last = new Read<>(source.get(), clock.instant());
    }
    return last.value();
  }
}

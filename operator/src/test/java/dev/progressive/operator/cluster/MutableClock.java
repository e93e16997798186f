package dev.progressive.operator.cluster;

import dev.progressive.operator.UtcClock;
import java.time.Duration;
import java.time.Instant;

/** A clock a test moves on by hand. */
final class MutableClock extends UtcClock {
  private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

  void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public Instant instant() {
    return now;
  }
}

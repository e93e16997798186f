package dev.progressive.operator;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test controls: it says what the instant is; the zone is always UTC. */
public abstract class UtcClock extends Clock {
  @Override
  public final ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public final Clock withZone(ZoneId zone) {
    return this;
  }
}

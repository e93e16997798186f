package dev.progressive.runtime.breaker;

import java.time.Duration;

/**
 * What the circuit breakers of one agent do right now.
 *
 * @param enabled    breakers count failures and open; when false every call goes through
 * @param threshold  consecutive failures that open a closed breaker
 * @param forcedOpen the operator's override: every breaker rejects until it is cleared
 * @param retryAfter how long an opened breaker rejects before it lets one trial call through
 */
public record BreakerSettings(boolean enabled, int threshold, boolean forcedOpen, Duration retryAfter) {

  /** The seed's incident script turns breakers on with a threshold of 50. */
  public static final int DEFAULT_THRESHOLD = 50;
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

  public BreakerSettings {
    if (threshold < 1) {
      throw new IllegalArgumentException("circuit breaker threshold must be at least 1, was " + threshold);
    }
    if (retryAfter.isNegative() || retryAfter.isZero()) {
      throw new IllegalArgumentException("circuit breaker retry_after must be positive, was " + retryAfter);
    }
  }

  public static BreakerSettings disabled() {
    return new BreakerSettings(false, DEFAULT_THRESHOLD, false, DEFAULT_RETRY_AFTER);
  }
}

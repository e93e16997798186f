package dev.progressive.runtime.breaker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A consecutive-failure circuit breaker for one target. Closed: calls pass and failures are
 * counted; at the threshold it opens. Open: calls are rejected at once until retry-after has
 * passed, then it is half-open and lets a single trial call through, whose outcome closes or
 * re-opens it. Settings are read on every call, so a change to the breaker file applies live.
 */
public final class CircuitBreaker {

  /** The values of {@code agent_circuit_breaker_state}. */
  public enum State {
    CLOSED(0), OPEN(1), HALF_OPEN(2);

    private final int gaugeValue;

    State(int gaugeValue) {
      this.gaugeValue = gaugeValue;
    }

    public int gaugeValue() {
      return gaugeValue;
    }
  }

  private final String target;
  private final Supplier<BreakerSettings> settings;
  private final Clock clock;
  private State state = State.CLOSED;
  private int consecutiveFailures;
  private Instant openedAt = Instant.EPOCH;
  private boolean trialInFlight;
  private BreakerSettings seenSettings;

  public CircuitBreaker(String target, Supplier<BreakerSettings> settings, Clock clock) {
    this.target = target;
    this.settings = settings;
    this.clock = clock;
  }

  public String target() {
    return target;
  }

  /** Whether a call may go ahead now; a true answer in half-open state reserves the trial call. */
  public boolean tryAcquire() {
    BreakerSettings now = settings.get();
    if (now.forcedOpen()) {
      return false;
    }
    // The disabled path takes no lock: it is every request's path when breakers are off.
    if (!now.enabled()) {
      return true;
    }
    synchronized (this) {
      return acquireEnabled(now);
    }
  }

  private boolean acquireEnabled(BreakerSettings now) {
    return switch (advance(now)) {
      case CLOSED -> true;
      case OPEN -> false;
      case HALF_OPEN -> {
        if (trialInFlight) {
          yield false;
        }
        trialInFlight = true;
        yield true;
      }
    };
  }

  public void recordSuccess() {
    BreakerSettings now = settings.get();
    if (!now.enabled()) {
      return;
    }
    synchronized (this) {
      // A success that started before the breaker opened says nothing about the target now.
      if (advance(now) != State.OPEN) {
        reset();
      }
    }
  }

  public void recordFailure() {
    BreakerSettings now = settings.get();
    if (!now.enabled()) {
      return;
    }
    synchronized (this) {
      countFailure(now);
    }
  }

  private void countFailure(BreakerSettings now) {
    if (advance(now) == State.OPEN) {
      return;
    }
    consecutiveFailures++;
    if (state == State.HALF_OPEN || consecutiveFailures >= now.threshold()) {
      state = State.OPEN;
      openedAt = clock.instant();
      trialInFlight = false;
    }
  }

  /** The state as exported: a forced-open breaker reports open, a disabled one closed. */
  public synchronized State state() {
    BreakerSettings now = settings.get();
    if (now.forcedOpen()) {
      return State.OPEN;
    }
    if (!now.enabled()) {
      return State.CLOSED;
    }
    return advance(now);
  }

  /** How long a caller should wait before trying again, for a Retry-After header. */
  public synchronized Duration retryAfter() {
    BreakerSettings now = settings.get();
    if (now.forcedOpen() || state != State.OPEN) {
      return now.retryAfter();
    }
    Duration left = Duration.between(clock.instant(), openedAt.plus(now.retryAfter()));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * Moves open to half-open once retry-after has passed. New settings (the file changed) start
   * afresh, so clearing a forced open or re-enabling the breaker never revives an old open state.
   */
  private State advance(BreakerSettings now) {
    if (now != seenSettings) {
      reset();
      seenSettings = now;
    }
    if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(now.retryAfter()))) {
      state = State.HALF_OPEN;
      trialInFlight = false;
    }
    return state;
  }

  private void reset() {
    state = State.CLOSED;
    consecutiveFailures = 0;
    trialInFlight = false;
  }
}

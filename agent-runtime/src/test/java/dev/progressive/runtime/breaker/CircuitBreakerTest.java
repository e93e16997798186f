package dev.progressive.runtime.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.runtime.breaker.CircuitBreaker.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private final AtomicReference<BreakerSettings> settings =
      new AtomicReference<>(new BreakerSettings(true, 3, false, Duration.ofSeconds(10)));
  private final MutableClock clock = new MutableClock();
  private final CircuitBreaker breaker = new CircuitBreaker("npa", settings::get, clock);

  @Test
  void opensAfterThresholdConsecutiveFailures() {
    fail(2);
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.tryAcquire()).isTrue();

    breaker.recordFailure();

    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aSuccessResetsTheCount() {
    fail(2);
    breaker.recordSuccess();
    fail(2);

    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void halfOpenAfterRetryAfterLetsOneTrialThrough() {
    fail(3);
    clock.advance(Duration.ofSeconds(10));

    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.tryAcquire()).as("second call while the trial runs").isFalse();

    breaker.recordSuccess();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void aFailedTrialReopens() {
    fail(3);
    clock.advance(Duration.ofSeconds(11));
    assertThat(breaker.tryAcquire()).isTrue();

    breaker.recordFailure();

    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void forcedOpenRejectsEvenWhenDisabled() {
    settings.set(new BreakerSettings(false, 3, true, Duration.ofSeconds(10)));

    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @Test
  void disabledLetsEverythingThroughAndReportsClosed() {
    settings.set(new BreakerSettings(false, 1, false, Duration.ofSeconds(10)));
    fail(5);

    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void newSettingsStartAfresh() {
    fail(3);
    assertThat(breaker.state()).isEqualTo(State.OPEN);

    settings.set(new BreakerSettings(true, 5, false, Duration.ofSeconds(10)));

    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    fail(4);
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    breaker.recordFailure();
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      assertThat(breaker.tryAcquire()).isTrue();
      breaker.recordFailure();
    }
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}

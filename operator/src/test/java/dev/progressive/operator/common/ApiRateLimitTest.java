package dev.progressive.operator.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ApiRateLimitTest {
  private final AtomicLong now = new AtomicLong();

  @Test
  void aBurstGoesAtOnceAndThenOneRequestPerOneOverQps() {
    var limit = new ApiRateLimit(50, 100, now::get);
    for (int i = 0; i < 100; i++) {
      assertThat(limit.reserve()).isZero();
    }
    assertThat(limit.reserve()).isEqualTo(Duration.ofMillis(20));
    assertThat(limit.reserve()).isEqualTo(Duration.ofMillis(40));
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(limit.reserve()).as("idle time refills up to the burst, no more").isZero();
  }

  /** Requests sent at random times: those that go out within any span T never exceed burst + qps * T. */
  @Property(tries = 200)
  void noSpanSeesMoreThanBurstPlusQpsTimesItsLength(@ForAll @IntRange(min = 1, max = 200) int qps,
      @ForAll @IntRange(min = 1, max = 300) int burst, @ForAll @IntRange(min = 0, max = 20_000) int gapMicros) {
    var clock = new AtomicLong();
    var limit = new ApiRateLimit(qps, burst, clock::get);
    var sent = new long[1_000];
    for (int i = 0; i < sent.length; i++) {
      clock.addAndGet(gapMicros * 1_000L);
      sent[i] = clock.get() + limit.reserve().toNanos();
    }
    for (int first = 0; first < sent.length; first += 37) {
      for (int last = first; last < sent.length; last++) {
        double span = (sent[last] - sent[first]) / 1e9;
        assertThat(last - first + 1).isLessThanOrEqualTo((int) Math.floor(burst + qps * span + 1e-6));
      }
    }
  }

  @Test
  void aLimitThatLetsNothingThroughIsRefusedWithTheOptionsNamed() {
    assertThatThrownBy(() -> new ApiRateLimit(0, 10, now::get)).hasMessageContaining("--kube-api-qps");
    assertThatThrownBy(() -> new ApiRateLimit(10, 0, now::get)).hasMessageContaining("--kube-api-burst");
  }
}

package dev.progressive.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ExpiringTest {
  private static final Duration PERIOD = Duration.ofSeconds(30);
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T12:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };

  @Test
  void readsOncePerPeriod() {
    var reads = new AtomicInteger();
    var value = new Expiring<>(reads::incrementAndGet, PERIOD, clock);

    assertThat(value.get()).isEqualTo(1);
    now.set(now.get().plus(PERIOD.minusSeconds(1)));
    assertThat(value.get()).isEqualTo(1);
    now.set(now.get().plusSeconds(1));
    assertThat(value.get()).isEqualTo(2);
  }

  @Test
  void whileOneCallerRereadsTheOthersGoOnWithTheValueTheyHad() throws Exception {
    var reads = new AtomicInteger();
    var rereadStarted = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var value = new Expiring<>(() -> {
      if (reads.get() == 1) {
        rereadStarted.countDown();
        await(release);
      }
      return reads.incrementAndGet();
    }, PERIOD, clock);
    assertThat(value.get()).isEqualTo(1);
    now.set(now.get().plus(PERIOD));

    var rereading = CompletableFuture.supplyAsync(value::get);
    assertThat(rereadStarted.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(value.get()).as("not held up by the re-read").isEqualTo(1);
    release.countDown();
    assertThat(rereading.get(10, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(value.get()).isEqualTo(2);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.progressive.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringTest {
  private static final Duration PERIOD = Duration.ofSeconds(30);
  private final MutableClock clock = new MutableClock();

  @Test
  void readsOncePerPeriod() {
    var reads = new AtomicInteger();
    var value = new Expiring<>(reads::incrementAndGet, PERIOD, clock);

    assertThat(value.get()).isEqualTo(1);
    clock.advance(PERIOD.minusSeconds(1));
    assertThat(value.get()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
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
    clock.advance(PERIOD);

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

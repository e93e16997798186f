package dev.progressive.bench;

import dev.progressive.operator.dev.DevCluster;
import java.time.Duration;

/** Waits for the embedded API to settle: no write for a while, so that late status writes and Events count too. */
public final class ApiQuiet {
  private ApiQuiet() {}

  /** Until the API has seen no write for {@code quiet}, looking every {@code poll}, for at most {@code patience}. */
  public static void await(DevCluster cluster, Duration quiet, Duration poll, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    long last = cluster.writeCount();
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < quiet.toNanos() && System.nanoTime() < deadline) {
      Thread.sleep(poll.toMillis());
      long now = cluster.writeCount();
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      }
    }
  }
}

package dev.progressive.bench.alerts;

import java.util.concurrent.CompletableFuture;

/** Somewhere a benchmark delivers alerts to, timed from sending to the answer. */
interface AlertSink {
  /** The answer's status and how long it took from sending, in ms. */
  record Answer(int status, double millis) {
    boolean ok() {
      return status / 100 == 2;
    }
  }

  CompletableFuture<Answer> send(WebhookBodies.Alert alert);
}

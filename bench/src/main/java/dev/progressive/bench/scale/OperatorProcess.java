package dev.progressive.bench.scale;

import dev.progressive.operator.ProgressiveOperator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The real operator in a JVM of its own, so that its heap and RSS are the operator's alone. Answers:
 * {@code reconciled} (successful reconciles since start), {@code requests} (its API requests by kind),
 * {@code heap} (bytes after GC); {@code stop} stops it.
 */
public final class OperatorProcess {
  private OperatorProcess() {}

  public static void main(String[] args) throws Exception {
    var requests = new RequestCounter();
    try (var client = BenchClients.forUrl(args[0], requests)) {
      var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      var operator = ProgressiveOperator.create(client, registry, ProgressiveOperator.Settings.embedded());
      operator.start();
      try {
        ChildProtocol.serve("started", command -> switch (command) {
          case "reconciled" -> Long.toString((long) registry.find("operator.sdk.reconciliations.success")
              .counters().stream().mapToDouble(Counter::count).sum());
          case "requests" -> requests.summary();
          case "writes" -> requests.writeTargets();
          case "heap" -> Long.toString(ChildProtocol.heapAfterGc());
          default -> "unknown command " + command;
        });
      } finally {
        operator.stop();
      }
    }
  }
}

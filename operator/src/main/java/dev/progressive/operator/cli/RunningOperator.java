package dev.progressive.operator.cli;

import dev.progressive.operator.Leadership;
import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.common.Closer;
import dev.progressive.operator.intake.AlertIntake;
import dev.progressive.operator.intake.IntakeSettings;
import dev.progressive.operator.server.OperatorHttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CountDownLatch;

/** The operator and its HTTP endpoints, started together and stopped together. */
final class RunningOperator implements AutoCloseable {
  private final Operator operator;
  private final OperatorHttpServer http;

  private RunningOperator(Operator operator, OperatorHttpServer http) {
    this.operator = operator;
    this.http = http;
  }

  static RunningOperator start(KubernetesClient client, ProgressiveOperator.Settings settings,
      IntakeSettings intakeSettings, String host, int port) {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // First, so that an unreadable token file stops the start before anything runs.
    var intake = AlertIntake.create(client, registry, intakeSettings);
    var operator = ProgressiveOperator.create(client, registry, settings);
    var http = OperatorHttpServer.start(host, port, operator, registry, intake);
    operator.start();
    return new RunningOperator(operator, http);
  }

  int httpPort() {
    return http.port();
  }

  /** Blocks until the JVM is asked to stop (SIGTERM, Ctrl-C), then closes {@code parts}, the operator among them. */
  static void runUntilShutdown(Closer parts) throws InterruptedException {
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      parts.close();
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
  }

  @Override
  public void close() {
    Leadership.stopping();
    operator.stop();
    http.close();
  }
}

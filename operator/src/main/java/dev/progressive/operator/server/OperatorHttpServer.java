package dev.progressive.operator.server;

import dev.progressive.operator.intake.AlertIntake;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerResponse;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The operator's own endpoints: liveness, readiness (informers synced and healthy), metrics and the
 * Alertmanager webhook.
 */
public final class OperatorHttpServer implements AutoCloseable {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final WebServer server;

  private OperatorHttpServer(WebServer server) {
    this.server = server;
  }

  public static OperatorHttpServer start(
      String host, int port, Operator operator, PrometheusMeterRegistry registry, AlertIntake intake) {
    var server = WebServer.builder()
        .host(host)
        .port(port)
        // A /metrics answer spans several segments; without this each waits for the scraper's delayed ACK (~40 ms).
        .connectionOptions(options -> options.tcpNoDelay(true))
        .routing(routing -> routing
            .get("/healthz", (req, res) -> res.send("ok"))
            .get("/readyz", (req, res) -> ready(operator, res))
            .get("/metrics", (req, res) -> res.header(HeaderNames.CONTENT_TYPE, PROMETHEUS_TEXT).send(registry.scrape()))
            .register(intake))
        .build()
        .start();
    // Helidon logs a port it cannot bind and carries on without a listener; the operator must not.
    if (!server.isRunning() || server.port() < 0) {
      server.stop();
      throw new IllegalStateException("cannot listen on " + host + ":" + port
          + " (in use, or not an address of this host): choose another with --http-port");
    }
    return new OperatorHttpServer(server);
  }

  public int port() {
    return server.port();
  }

  private static void ready(Operator operator, ServerResponse res) {
    var info = operator.getRuntimeInfo();
    if (info.isStarted() && info.allEventSourcesAreHealthy()) {
      res.send("ok");
    } else {
      res.status(Status.SERVICE_UNAVAILABLE_503).send("informers not started or unhealthy");
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}

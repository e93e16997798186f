package dev.progressive.operator.agent;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A pod's /metrics as Prometheus scrapes it, on 127.0.0.1 until stopped. */
final class MetricsEndpoint implements AutoCloseable {
  private final HttpServer server;
  private boolean stopped;

  private MetricsEndpoint(HttpServer server) {
    this.server = server;
  }

  static MetricsEndpoint start() throws IOException {
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    var body = "agent_up 1\n".getBytes(StandardCharsets.UTF_8);
    server.createContext("/metrics", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
      exchange.sendResponseHeaders(200, body.length);
      try (var out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return new MetricsEndpoint(server);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Stops it once: a test stops a pod early, and the test's cleanup again. */
  @Override
  public synchronized void close() {
    if (!stopped) {
      stopped = true;
      server.stop(0);
    }
  }
}

package dev.progressive.bench.alerts;

import io.helidon.webserver.WebServer;
import java.net.URI;

/** The baseline: a Helidon handler on the same path that reads the body and answers 200, nothing else. */
final class TrivialWebhook implements AutoCloseable {
  private final WebServer server = WebServer.builder()
      .host("127.0.0.1")
      .port(0)
      .routing(routing -> routing.post("/alertmanager/webhook", (req, res) -> {
        req.content().as(String.class);
        res.send("{}");
      }))
      .build()
      .start();

  URI webhook() {
    return URI.create("http://127.0.0.1:" + server.port() + "/alertmanager/webhook");
  }

  @Override
  public void close() {
    server.stop();
  }
}

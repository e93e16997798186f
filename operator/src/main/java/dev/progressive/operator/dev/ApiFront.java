package dev.progressive.operator.dev;

import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * The address clients use: passes every request through to the mock, except watches, which it serves as
 * the HTTP streams kubectl expects.
 */
final class ApiFront implements AutoCloseable {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final WebServer server;

  ApiFront(URI mock) {
    PassThrough passThrough = new PassThrough(http, mock);
    WatchStream watches = new WatchStream(http, mock);
    server = WebServer.builder()
        .host("127.0.0.1")
        .port(0)
        .routing(routing -> routing.any((request, response) ->
            (WatchStream.isWatch(request) ? watches : passThrough).handle(request, response)))
        .build()
        .start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  @Override
  public void close() {
    server.stop();
    http.close();
  }
}

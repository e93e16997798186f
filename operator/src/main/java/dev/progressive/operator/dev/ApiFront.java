package dev.progressive.operator.dev;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * The address clients use: passes every request through to the mock, except watches, which it serves as
 * the HTTP streams kubectl expects, and kubectl's Tables of custom resources, which it prints from the CRDs.
 */
final class ApiFront implements AutoCloseable {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final WebServer server;

  ApiFront(URI mock) {
    PassThrough passThrough = new PassThrough(http, mock);
    TableView tables = new TableView(http, mock, passThrough);
    WatchStream watches = new WatchStream(http, mock, tables);
    server = WebServer.builder()
        .host("127.0.0.1")
        .port(0)
        .routing(routing -> routing.any((request, response) -> handler(request, watches, tables, passThrough)
            .handle(request, response)))
        .build()
        .start();
  }

  private static Handler handler(ServerRequest request, WatchStream watches, TableView tables, PassThrough passThrough) {
    if (WatchStream.isWatch(request)) {
      return watches;
    }
    return TableView.isTableRequest(request) ? tables : passThrough;
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

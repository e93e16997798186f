package dev.progressive.operator.dev;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import java.net.URI;

/**
 * The address clients use: hands every request to the store's dispatcher in this process, except watches,
 * which it serves as the HTTP streams kubectl expects, and kubectl's Tables, which it prints from the CRDs.
 */
final class ApiFront implements AutoCloseable {

  private final WebServer server;

  ApiFront(DevDispatcher store) {
    PassThrough passThrough = new PassThrough(store);
    TableView tables = new TableView(passThrough);
    WatchStream watches = new WatchStream(store, passThrough, tables);
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
  }
}

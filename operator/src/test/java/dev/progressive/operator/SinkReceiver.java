package dev.progressive.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A generic webhook sink on loopback that keeps every JSON body posted to it. */
public final class SinkReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  public SinkReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", exchange -> {
      received.add(JSON.readTree(exchange.getRequestBody()));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  public List<JsonNode> received() {
    return received;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

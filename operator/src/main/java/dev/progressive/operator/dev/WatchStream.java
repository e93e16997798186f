package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Serves a watch the way kubectl and the Go client expect it: a chunked HTTP stream with one JSON watch
 * event per line. The mock only serves watches over WebSocket (and answers a plain HTTP watch with 400),
 * so this opens the same watch on the mock over WebSocket and relays each event as a line. The mock parses
 * the namespace, resource, field and label selectors from the path as for any watch.
 */
final class WatchStream implements Handler {

  // Whitespace between JSON values is legal for every watch decoder; writing it detects a client that left.
  private static final Duration HEARTBEAT = Duration.ofSeconds(5);
  private static final byte[] HEARTBEAT_BYTES = {' '};

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http;
  private final URI mockWebSocket;

  WatchStream(HttpClient http, URI mock) {
    this.http = http;
    this.mockWebSocket = URI.create("ws://" + mock.getAuthority() + "/");
  }

  static boolean isWatch(ServerRequest request) {
    UriQuery query = request.query();
    return query.contains("watch") && (query.get("watch").equals("true") || query.get("watch").equals("1"));
  }

  @Override
  public void handle(ServerRequest request, ServerResponse response) throws IOException {
    if (isWebSocketUpgrade(request)) {
      declineUpgrade(response);
      return;
    }
    Relay relay = new Relay();
    WebSocket webSocket = http.newWebSocketBuilder()
        .buildAsync(mockWebSocket.resolve(mockPath(request)), relay)
        .join();
    try {
      response.status(200).header("Content-Type", "application/json");
      stream(relay.events, response.outputStream(), sinceVersion(request), deadline(request));
    } catch (IOException clientLeft) {
      // The client closed the stream: nothing to answer.
    } finally {
      webSocket.abort();
    }
  }

  private static boolean isWebSocketUpgrade(ServerRequest request) {
    return request.headers().first(HeaderNames.UPGRADE).filter(p -> p.equalsIgnoreCase("websocket")).isPresent();
  }

  /**
   * Fabric8 clients try a WebSocket watch first and, on a 200, repeat it as a plain HTTP watch. The answer
   * must be complete: the JDK client reads the whole body of a failed handshake.
   */
  private void declineUpgrade(ServerResponse response) throws IOException {
    response.status(200).header("Content-Type", "application/json").send(json.writeValueAsBytes(new StatusBuilder()
        .withStatus("Failure")
        .withCode(200)
        .withMessage("watches are served as HTTP streams here: repeat the request without Upgrade")
        .build()));
  }

  private void stream(BlockingQueue<Optional<String>> events, OutputStream out, long sinceVersion,
      Instant deadline) throws IOException {
    try (out) {
      heartbeat(out);
      while (Instant.now().isBefore(deadline)) {
        Optional<String> event = events.poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
          heartbeat(out);
        } else if (event.isEmpty()) {
          return;
        } else if (isNewerThan(event.get(), sinceVersion)) {
          out.write((event.get() + "\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void heartbeat(OutputStream out) throws IOException {
    out.write(HEARTBEAT_BYTES);
    out.flush();
  }

  /**
   * The mock starts every watch with an ADDED event for each matching object; a client that listed at a
   * resource version has seen those up to that version already.
   */
  private boolean isNewerThan(String event, long sinceVersion) throws IOException {
    JsonNode node = json.readTree(event);
    if (!"ADDED".equals(node.path("type").asText())) {
      return true;
    }
    return parseVersion(node.path("object").path("metadata").path("resourceVersion").asText()) > sinceVersion;
  }

  /** The mock only recognises watch=true. */
  private static String mockPath(ServerRequest request) {
    String query = Arrays.stream(request.query().rawValue().split("&"))
        .map(parameter -> parameter.equals("watch=1") ? "watch=true" : parameter)
        .collect(Collectors.joining("&"));
    return request.path().rawPath().substring(1) + "?" + query;
  }

  private static long sinceVersion(ServerRequest request) {
    return request.query().contains("resourceVersion") ? parseVersion(request.query().get("resourceVersion")) : 0;
  }

  private static Instant deadline(ServerRequest request) {
    return request.query().contains("timeoutSeconds")
        ? Instant.now().plusSeconds(Long.parseLong(request.query().get("timeoutSeconds")))
        : Instant.MAX;
  }

  private static long parseVersion(String resourceVersion) {
    try {
      return Long.parseLong(resourceVersion);
    } catch (NumberFormatException notFromTheMock) {
      return 0;
    }
  }

  /** Collects the mock's watch events; an empty element means the mock closed the watch. */
  private static final class Relay implements WebSocket.Listener {

    private final BlockingQueue<Optional<String>> events = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        events.add(Optional.of(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      events.add(Optional.empty());
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      events.add(Optional.empty());
    }
  }
}

package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Serves a watch the way kubectl and the Go client expect it: a chunked HTTP stream with one JSON watch
 * event per line. The mock only serves watches over WebSocket (and answers a plain HTTP watch with 400),
 * so this opens the same watch on the mock over WebSocket and relays each event as a line. The mock parses
 * the namespace, resource, label selectors and metadata.name and metadata.namespace field selectors from the
 * path; other field selectors are matched here. A watch that asks for its initial events (a WatchList, as
 * kubectl 1.35's informers send) gets them from a list, then the bookmark that ends them.
 */
final class WatchStream implements Handler {

  // Whitespace between JSON values is legal for every watch decoder; writing it detects a client that left.
  private static final Duration HEARTBEAT = Duration.ofSeconds(5);
  private static final byte[] HEARTBEAT_BYTES = {' '};

  private static final Set<String> WATCH_PARAMETERS = Set.of("watch", "allowWatchBookmarks", "sendInitialEvents",
      "resourceVersion", "resourceVersionMatch", "timeoutSeconds");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http;
  private final URI mock;
  private final URI mockWebSocket;
  private final TableView tables;

  WatchStream(HttpClient http, URI mock, TableView tables) {
    this.http = http;
    this.mock = mock;
    this.tables = tables;
    this.mockWebSocket = URI.create("ws://" + mock.getAuthority() + "/");
  }

  static boolean isWatch(ServerRequest request) {
    UriQuery query = request.query();
    return query.contains("watch") && (query.get("watch").equals("true") || query.get("watch").equals("1"));
  }

  @Override
  public void handle(ServerRequest request, ServerResponse response) throws IOException, InterruptedException {
    if (isWebSocketUpgrade(request)) {
      declineUpgrade(response);
      return;
    }
    var selector = request.query().contains("fieldSelector")
        ? FieldSelector.parse(request.query().get("fieldSelector")) : FieldSelector.parse("");
    // Listed before the watch opens: what changes in between arrives as watch events, newer than the list.
    Optional<JsonNode> initial = request.query().contains("sendInitialEvents") && request.query().get("sendInitialEvents").equals("true")
        ? Optional.of(list(request)) : Optional.empty();
    Relay relay = new Relay();
    WebSocket webSocket = http.newWebSocketBuilder()
        .buildAsync(mockWebSocket.resolve(mockPath(request, selector)), relay)
        .join();
    try {
      response.status(200).header("Content-Type", "application/json");
      long since = initial.map(list -> parseVersion(list.path("metadata").path("resourceVersion").asText())).orElse(sinceVersion(request));
      stream(new Watch(relay.events, selector, since, deadline(request), initial, tables.watchEvents(request)),
          response.outputStream());
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

  /** @param encoding how each event is written: as it is, or with its object as a Table */
  private record Watch(BlockingQueue<Optional<String>> events, FieldSelector selector, long sinceVersion, Instant deadline,
      Optional<JsonNode> initial, UnaryOperator<String> encoding) {}

  private void stream(Watch watch, OutputStream out) throws IOException {
    try (out) {
      heartbeat(out);
      if (watch.initial().isPresent()) {
        writeInitialEvents(watch.initial().get(), watch.encoding(), out);
      }
      while (Instant.now().isBefore(watch.deadline())) {
        Optional<String> event = watch.events().poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
          heartbeat(out);
        } else if (event.isEmpty()) {
          return;
        } else if (isNewerThan(event.get(), watch.sinceVersion()) && selects(watch.selector(), event.get())) {
          write(out, watch.encoding().apply(event.get()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Each listed object as ADDED, then the bookmark a WatchList client waits for. */
  private void writeInitialEvents(JsonNode list, UnaryOperator<String> encoding, OutputStream out) throws IOException {
    for (JsonNode item : list.path("items")) {
      write(out, encoding.apply(json.createObjectNode().put("type", "ADDED").set("object", item).toString()));
    }
    ObjectNode bookmark = json.createObjectNode().put("kind", list.path("kind").asText().replaceFirst("List$", ""))
        .put("apiVersion", list.path("apiVersion").asText());
    bookmark.putObject("metadata").put("resourceVersion", list.path("metadata").path("resourceVersion").asText())
        .putObject("annotations").put("k8s.io/initial-events-end", "true");
    write(out, json.createObjectNode().put("type", "BOOKMARK").set("object", bookmark).toString());
  }

  private static void write(OutputStream out, String event) throws IOException {
    out.write((event + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private boolean selects(FieldSelector selector, String event) throws IOException {
    return selector.matchesTheRest(json.readTree(event).path("object"));
  }

  /** The list the watch starts from, with the watch's selectors. */
  private JsonNode list(ServerRequest request) throws IOException, InterruptedException {
    String query = Arrays.stream(request.query().rawValue().split("&"))
        .filter(parameter -> !WATCH_PARAMETERS.contains(parameter.split("=")[0]))
        .collect(Collectors.joining("&"));
    var answer = http.send(HttpRequest.newBuilder(mock.resolve(request.path().rawPath() + (query.isEmpty() ? "" : "?" + query)))
        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    return json.readTree(answer.body());
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

  /** The mock only recognises watch=true, and matches only some field selectors. */
  private static String mockPath(ServerRequest request, FieldSelector selector) {
    String forMock = selector.forMock();
    String query = Arrays.stream(request.query().rawValue().split("&"))
        .map(parameter -> parameter.equals("watch=1") ? "watch=true" : parameter)
        .filter(parameter -> !parameter.startsWith("fieldSelector="))
        .collect(Collectors.joining("&"))
        + (forMock.isEmpty() ? "" : "&fieldSelector=" + URLEncoder.encode(forMock, StandardCharsets.UTF_8));
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

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Serves a watch the way kubectl and the Go client expect it: a chunked HTTP stream with one JSON watch
 * event per line, fed by the store's writes ({@link StoreWatches}). The store selects by namespace, resource,
 * labels and the metadata.name and metadata.namespace field selectors; other field selectors are matched here.
 * A watch that asks for its initial events (a WatchList, as kubectl 1.35's informers send) gets them from a
 * list, then the bookmark that ends them.
 */
final class WatchStream implements Handler {

  // Whitespace between JSON values is legal for every watch decoder; writing it detects a client that left.
  private static final Duration HEARTBEAT = Duration.ofSeconds(5);
  private static final byte[] HEARTBEAT_BYTES = {' '};

  private static final Set<String> WATCH_PARAMETERS = Set.of("watch", "allowWatchBookmarks", "sendInitialEvents",
      "resourceVersion", "resourceVersionMatch", "timeoutSeconds");

  private final ObjectMapper json = new ObjectMapper();
  private final DevDispatcher store;
  private final PassThrough reads;
  private final TableView tables;

  WatchStream(DevDispatcher store, PassThrough reads, TableView tables) {
    this.store = store;
    this.reads = reads;
    this.tables = tables;
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
    var selector = request.query().contains("fieldSelector")
        ? FieldSelector.parse(request.query().get("fieldSelector")) : FieldSelector.parse("");
    // Listed before the watch opens: what changes in between arrives as watch events, newer than the list.
    Optional<JsonNode> initial = request.query().contains("sendInitialEvents") && request.query().get("sendInitialEvents").equals("true")
        ? Optional.of(list(request)) : Optional.empty();
    try (var watcher = store.watch(storePath(request, selector))) {
      response.status(200).header("Content-Type", "application/json");
      long since = initial.map(list -> parseVersion(list.path("metadata").path("resourceVersion").asText())).orElse(sinceVersion(request));
      stream(new Watch(watcher.events(), selector, since, deadline(request), initial, tables.watchEvents(request)),
          response.outputStream());
    } catch (IOException clientLeft) {
      // The client closed the stream: nothing to answer.
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
  private record Watch(BlockingQueue<Optional<StoreWatches.Event>> events, FieldSelector selector, long sinceVersion, Instant deadline,
      Optional<JsonNode> initial, UnaryOperator<String> encoding) {}

  private void stream(Watch watch, OutputStream out) throws IOException {
    try (out) {
      heartbeat(out);
      if (watch.initial().isPresent()) {
        writeInitialEvents(watch.initial().get(), watch.encoding(), out);
      }
      while (Instant.now().isBefore(watch.deadline())) {
        Optional<StoreWatches.Event> event = watch.events().poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
          heartbeat(out);
        } else if (event.isEmpty()) {
          return;
        } else if (relays(watch, event.get())) {
          write(out, watch.encoding().apply(event.get().line()));
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

  /**
   * Whether the client gets the event: not an initial one it listed already, and selected by the fields the store
   * does not match. The object is read only when one of those needs it.
   */
  private boolean relays(Watch watch, StoreWatches.Event event) throws IOException {
    if (!event.initial() && !watch.selector().hasRest()) {
      return true;
    }
    JsonNode object = json.readTree(event.object());
    return (!event.initial() || parseVersion(object.path("metadata").path("resourceVersion").asText()) > watch.sinceVersion())
        && watch.selector().matchesTheRest(object);
  }

  /** The list the watch starts from, with the watch's selectors. */
  private JsonNode list(ServerRequest request) throws IOException {
    String query = Arrays.stream(request.query().rawValue().split("&"))
        .filter(parameter -> !WATCH_PARAMETERS.contains(parameter.split("=")[0]))
        .collect(Collectors.joining("&"));
    return json.readTree(PassThrough.body(reads.get(request.path().rawPath() + (query.isEmpty() ? "" : "?" + query))));
  }

  private static void heartbeat(OutputStream out) throws IOException {
    out.write(HEARTBEAT_BYTES);
    out.flush();
  }

  /** The path the store selects from: the watch's own, with the field selectors the store matches. */
  private static String storePath(ServerRequest request, FieldSelector selector) {
    String forStore = selector.forMock();
    String query = Arrays.stream(request.query().rawValue().split("&"))
        .filter(parameter -> !parameter.startsWith("fieldSelector="))
        .collect(Collectors.joining("&"))
        + (forStore.isEmpty() ? "" : "&fieldSelector=" + URLEncoder.encode(forStore, StandardCharsets.UTF_8));
    return request.path().rawPath() + "?" + query;
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
}

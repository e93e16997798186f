package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.helidon.http.Header;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Hands a request to the store's dispatcher in this process, on the thread that serves it, and writes its
 * answer back: reads are served side by side, as an API server serves them, rather than one after another
 * on the mock's own HTTP server.
 */
final class PassThrough implements Handler {

  // Connection-level headers belong to the hop, not to the request the store answers.
  private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host",
      "keep-alive", "transfer-encoding", "upgrade", "te", "trailer", "http2-settings");

  private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final DevDispatcher store;

  PassThrough(DevDispatcher store) {
    this.store = store;
  }

  @Override
  public void handle(ServerRequest request, ServerResponse response) throws IOException {
    if (isProtobuf(request)) {
      refuse(response, 415, "UnsupportedMediaType", "the dev cluster accepts JSON bodies only: use kubectl apply, edit or patch");
      return;
    }
    var method = Arrays.stream(HttpMethod.values()).filter(m -> m.name().equals(request.prologue().method().text())).findFirst();
    if (method.isEmpty()) {
      refuse(response, 405, "MethodNotAllowed", "the dev cluster does not serve " + request.prologue().method().text());
      return;
    }
    send(store.dispatch(recorded(method.get(), request)), response);
  }

  /** A GET of the store, for the front's own reads (Tables, the list a watch starts from). */
  MockResponse get(String pathAndQuery) {
    return store.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.GET, pathAndQuery,
        Headers.builder().add("Accept", "application/json").build(), new Buffer()));
  }

  static void send(MockResponse answer, ServerResponse response) throws IOException {
    response.status(answer.code());
    answer.getHeaders().toMultimap().forEach((name, values) -> {
      if (!isHopHeader(name)) {
        response.header(name, values.toArray(String[]::new));
      }
    });
    response.send(body(answer));
  }

  /** The answer's body; none for some of the mock's answers, such as its 404s. */
  static byte[] body(MockResponse answer) {
    return answer.getBody() == null ? new byte[0] : answer.getBody().getBytes();
  }

  static String pathAndQuery(ServerRequest request) {
    String query = request.query().rawValue();
    return request.path().rawPath() + (query.isEmpty() ? "" : "?" + query);
  }

  private static boolean isProtobuf(ServerRequest request) {
    return request.headers().contentType().filter(type -> type.text().startsWith(PROTOBUF)).isPresent();
  }

  /** The mock reads JSON only (kubectl's typed commands, create and scale, send protobuf) and knows some methods. */
  private static void refuse(ServerResponse response, int code, String reason, String message) {
    response.status(code).header("Content-Type", "application/json").send(SERIALIZATION.asJson(new StatusBuilder()
        .withStatus("Failure")
        .withCode(code)
        .withReason(reason)
        .withMessage(message)
        .build()));
  }

  private static RecordedRequest recorded(HttpMethod method, ServerRequest request) throws IOException {
    var headers = Headers.builder();
    for (Header header : request.headers()) {
      if (!isHopHeader(header.name())) {
        header.allValues().forEach(value -> headers.add(header.name(), value));
      }
    }
    return new RecordedRequest("HTTP/1.1", method, pathAndQuery(request),
        headers.build(), new Buffer(body(request)));
  }

  private static byte[] body(ServerRequest request) throws IOException {
    if (!request.content().hasEntity()) {
      return new byte[0];
    }
    try (InputStream in = request.content().inputStream()) {
      return in.readAllBytes();
    }
  }

  private static boolean isHopHeader(String name) {
    return HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }
}

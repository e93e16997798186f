package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.helidon.http.Header;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Locale;
import java.util.Set;

/** Forwards a request to the mock unchanged and streams the mock's answer back. */
final class PassThrough implements Handler {

  // Connection-level headers belong to each hop; the JDK client refuses to set most of them anyway.
  private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host",
      "keep-alive", "transfer-encoding", "upgrade", "te", "trailer", "http2-settings");

  private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final HttpClient http;
  private final URI mock;

  PassThrough(HttpClient http, URI mock) {
    this.http = http;
    this.mock = mock;
  }

  @Override
  public void handle(ServerRequest request, ServerResponse response) throws IOException, InterruptedException {
    if (isProtobuf(request)) {
      refuseProtobuf(response);
      return;
    }
    HttpResponse<InputStream> answer = http.send(upstreamRequest(request), BodyHandlers.ofInputStream());
    response.status(answer.statusCode());
    answer.headers().map().forEach((name, values) -> {
      if (!isHopHeader(name)) {
        response.header(name, values.toArray(String[]::new));
      }
    });
    try (InputStream body = answer.body(); OutputStream out = response.outputStream()) {
      body.transferTo(out);
    }
  }

  private static boolean isProtobuf(ServerRequest request) {
    return request.headers().contentType().filter(type -> type.text().startsWith(PROTOBUF)).isPresent();
  }

  /** The mock reads JSON only; kubectl's typed commands (create, scale) send protobuf. */
  private static void refuseProtobuf(ServerResponse response) {
    response.status(415).header("Content-Type", "application/json").send(SERIALIZATION.asJson(new StatusBuilder()
        .withStatus("Failure")
        .withCode(415)
        .withReason("UnsupportedMediaType")
        .withMessage("the dev cluster accepts JSON bodies only: use kubectl apply, edit or patch")
        .build()));
  }

  private HttpRequest upstreamRequest(ServerRequest request) throws IOException {
    HttpRequest.Builder upstream = HttpRequest.newBuilder(target(mock, request))
        .method(request.prologue().method().text(), body(request));
    for (Header header : request.headers()) {
      if (!isHopHeader(header.name())) {
        header.allValues().forEach(value -> upstream.header(header.name(), value));
      }
    }
    return upstream.build();
  }

  static URI target(URI base, ServerRequest request) {
    String query = request.query().rawValue();
    return base.resolve(request.path().rawPath() + (query.isEmpty() ? "" : "?" + query));
  }

  private static BodyPublisher body(ServerRequest request) throws IOException {
    if (!request.content().hasEntity()) {
      return BodyPublishers.noBody();
    }
    try (InputStream in = request.content().inputStream()) {
      return BodyPublishers.ofByteArray(in.readAllBytes());
    }
  }

  private static boolean isHopHeader(String name) {
    return HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }
}

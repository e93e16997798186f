package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Answers kubectl's request for a server-side Table, which the mock cannot give: for custom resources from
 * the CRD's printer columns, for Deployments, Pods, Services and Events from {@link BuiltInColumns};
 * everything else goes to the pass-through, and kubectl prints NAME and AGE.
 */
final class TableView implements Handler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final HttpClient http;
  private final URI mock;
  private final Handler passThrough;

  TableView(HttpClient http, URI mock, Handler passThrough) {
    this.http = http;
    this.mock = mock;
    this.passThrough = passThrough;
  }

  static boolean isTableRequest(ServerRequest request) {
    return request.prologue().method() == Method.GET
        && request.headers().value(HeaderNames.ACCEPT).filter(accept -> accept.contains("as=Table")).isPresent()
        && ApiPath.parse(request.path().rawPath()).filter(path -> path.subresource() == null).isPresent();
  }

  /**
   * How a watch's events reach a client that asked for Tables ({@code kubectl get -w}): each object as a Table of one
   * row, the column definitions in the first event only, as the API server sends them; unchanged for any other
   * client or for a resource without columns.
   */
  UnaryOperator<String> watchEvents(ServerRequest request) throws IOException, InterruptedException {
    var path = ApiPath.parse(request.path().rawPath());
    var table = isTableRequest(request) && path.isPresent() ? columns(path.get()) : Optional.<Function<JsonNode, ObjectNode>>empty();
    if (table.isEmpty()) {
      return UnaryOperator.identity();
    }
    var first = new AtomicBoolean(true);
    return event -> {
      try {
        var parsed = (ObjectNode) JSON.readTree(event);
        var rows = table.get().apply(parsed.path("object"));
        if (!first.getAndSet(false)) {
          rows.remove("columnDefinitions");
        }
        return parsed.set("object", rows).toString();
      } catch (IOException e) {
        throw new UncheckedIOException("unreadable watch event", e);
      }
    };
  }

  @Override
  public void handle(ServerRequest request, ServerResponse response) throws Exception {
    var path = ApiPath.parse(request.path().rawPath()).orElseThrow();
    var table = columns(path);
    if (table.isEmpty()) {
      passThrough.handle(request, response);
      return;
    }
    var answer = http.send(HttpRequest.newBuilder(PassThrough.target(mock, request))
        .header("Accept", "application/json").GET().build(), BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      response.status(answer.statusCode()).header(HeaderNames.CONTENT_TYPE, "application/json").send(answer.body());
      return;
    }
    response.header(HeaderNames.CONTENT_TYPE, "application/json")
        .send(JSON.writeValueAsString(table.get().apply(JSON.readTree(answer.body()))));
  }

  private Optional<Function<JsonNode, ObjectNode>> columns(ApiPath path) throws IOException, InterruptedException {
    var builtIn = BuiltInColumns.of(path.group(), path.plural(), Clock.systemUTC());
    if (builtIn.isPresent()) {
      return Optional.of(builtIn.get()::table);
    }
    if (path.group().isEmpty()) {
      return Optional.empty();
    }
    var version = crd(path.plural() + "." + path.group()).flatMap(crd -> StoredCrds.version(crd, path.version()));
    return version.map(v -> new PrinterColumns(v.getAdditionalPrinterColumns(), Clock.systemUTC())::table);
  }

  private Optional<CustomResourceDefinition> crd(String name) throws IOException, InterruptedException {
    var answer = http.send(HttpRequest.newBuilder(mock.resolve("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + name))
        .header("Accept", "application/json").GET().build(), BodyHandlers.ofString());
    return answer.statusCode() == 200
        ? Optional.of(SERIALIZATION.unmarshal(answer.body(), CustomResourceDefinition.class))
        : Optional.empty();
  }
}

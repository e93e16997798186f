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
import java.nio.charset.StandardCharsets;
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

  private final PassThrough passThrough;

  TableView(PassThrough passThrough) {
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
  UnaryOperator<String> watchEvents(ServerRequest request) {
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
    var answer = passThrough.get(PassThrough.pathAndQuery(request));
    if (answer.code() != 200) {
      PassThrough.send(answer, response);
      return;
    }
    response.header(HeaderNames.CONTENT_TYPE, "application/json")
        .send(JSON.writeValueAsString(table.get().apply(JSON.readTree(PassThrough.body(answer)))));
  }

  private Optional<Function<JsonNode, ObjectNode>> columns(ApiPath path) {
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

  private Optional<CustomResourceDefinition> crd(String name) {
    var answer = passThrough.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + name);
    return answer.code() == 200
        ? Optional.of(SERIALIZATION.unmarshal(new String(PassThrough.body(answer), StandardCharsets.UTF_8), CustomResourceDefinition.class))
        : Optional.empty();
  }
}

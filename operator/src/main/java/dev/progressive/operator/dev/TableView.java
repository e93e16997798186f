package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers kubectl's request for a server-side Table of custom resources, which the mock cannot
 * give, from the CRD's printer columns; everything else goes to the pass-through.
 */
final class TableView implements Handler {
  private static final Pattern CUSTOM_RESOURCE =
      Pattern.compile("^/apis/([^/]+)/([^/]+)/(?:namespaces/[^/]+/)?([^/]+)(?:/[^/]+)?$");
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
        && CUSTOM_RESOURCE.matcher(request.path().rawPath()).matches();
  }

  @Override
  public void handle(ServerRequest request, ServerResponse response) throws Exception {
    var matcher = CUSTOM_RESOURCE.matcher(request.path().rawPath());
    var crd = matcher.matches() ? crd(matcher.group(3) + "." + matcher.group(1)) : Optional.<CustomResourceDefinition>empty();
    var version = crd.flatMap(c -> c.getSpec().getVersions().stream()
        .filter(v -> v.getName().equals(matcher.group(2))).findFirst());
    if (version.isEmpty()) {
      passThrough.handle(request, response);
      return;
    }
    var answer = http.send(HttpRequest.newBuilder(PassThrough.target(mock, request))
        .header("Accept", "application/json").GET().build(), BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      response.status(answer.statusCode()).header(HeaderNames.CONTENT_TYPE, "application/json").send(answer.body());
      return;
    }
    var table = new PrinterColumns(version.get().getAdditionalPrinterColumns(), Clock.systemUTC())
        .table(JSON.readTree(answer.body()));
    response.header(HeaderNames.CONTENT_TYPE, "application/json").send(JSON.writeValueAsString(table));
  }

  private Optional<CustomResourceDefinition> crd(String name) throws IOException, InterruptedException {
    var answer = http.send(HttpRequest.newBuilder(mock.resolve("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + name))
        .header("Accept", "application/json").GET().build(), BodyHandlers.ofString());
    return answer.statusCode() == 200
        ? Optional.of(SERIALIZATION.unmarshal(answer.body(), CustomResourceDefinition.class))
        : Optional.empty();
  }
}

package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The scale subresource of Deployments, ReplicaSets and StatefulSets, which `kubectl scale` reads and
 * patches: an autoscaling/v1 Scale made from the object's spec.replicas, status.replicas and selector.
 * (The mock answers .../scale with the object itself and patches it as such.)
 */
final class ScaleSubresource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClusterStore store;

  ScaleSubresource(ClusterStore store) {
    this.store = store;
  }

  static boolean isScale(ApiPath path) {
    return "scale".equals(path.subresource()) && BuiltInResource.ALL.stream().anyMatch(r -> r.subresources().contains("scale")
        && r.group().equals(path.group()) && r.version().equals(path.version()) && r.plural().equals(path.plural()));
  }

  MockResponse get(ApiPath path) {
    return store.object(path.objectPath()).map(parent -> json(200, scaleOf(parent)))
        .orElseGet(() -> notFound(path));
  }

  /** A PUT of a Scale, or a PATCH of one with the request's content type. */
  MockResponse write(ApiPath path, String contentType, String body, boolean isPatch) throws Patches.Refused {
    var parent = store.object(path.objectPath());
    if (parent.isEmpty()) {
      return notFound(path);
    }
    JsonNode scale = isPatch ? Patches.apply(contentType, scaleOf(parent.get()), body, "Scale") : Patches.parse(body);
    JsonNode replicas = scale.path("spec").path("replicas");
    if (!replicas.isIntegralNumber() || replicas.asLong() < 0) {
      var field = FieldPath.ROOT.child("spec").child("replicas");
      return ApiStatus.invalid("autoscaling", "Scale", path.name(), List.of(new FieldError(FieldError.Type.INVALID,
          field.toString(), Values.plain(replicas), "must be greater than or equal to 0", field)));
    }
    ObjectNode updated = parent.get().deepCopy();
    updated.withObjectProperty("spec").put("replicas", replicas.asInt());
    String version = scale.path("metadata").path("resourceVersion").asText("");
    if (!version.isEmpty()) {
      ((ObjectNode) updated.get("metadata")).put("resourceVersion", version);
    }
    MockResponse answer = store.replace(path.objectPath(), updated);
    if (answer.code() != 200) {
      return answer;
    }
    return store.object(path.objectPath()).map(stored -> json(200, scaleOf(stored))).orElseGet(() -> notFound(path));
  }

  private static ObjectNode scaleOf(JsonNode parent) {
    ObjectNode scale = JSON.createObjectNode().put("kind", "Scale").put("apiVersion", "autoscaling/v1");
    ObjectNode metadata = scale.putObject("metadata");
    for (String field : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
      if (parent.path("metadata").has(field)) {
        metadata.set(field, parent.get("metadata").get(field));
      }
    }
    scale.putObject("spec").put("replicas", parent.path("spec").path("replicas").asInt(1));
    String selector = parent.path("spec").path("selector").path("matchLabels").properties().stream()
        .map(label -> label.getKey() + "=" + label.getValue().asText()).collect(Collectors.joining(","));
    scale.putObject("status").put("replicas", parent.path("status").path("replicas").asInt(0)).put("selector", selector);
    return scale;
  }

  private static MockResponse notFound(ApiPath path) {
    return ApiStatus.notFound(path.plural() + "." + path.group() + " " + FieldError.quote(path.name()) + " not found");
  }

  private static MockResponse json(int code, JsonNode body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body.toString());
  }
}

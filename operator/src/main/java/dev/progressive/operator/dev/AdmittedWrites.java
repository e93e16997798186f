package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import dev.progressive.operator.dev.SchemaAdmission.Outcome;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;


/**
 * Turns each create, update and patch into the object a real API server would store before the mock
 * stores it: patches applied by their RFCs (a patch becomes the update of the patched object), generated
 * names as the API server makes them, custom resources admitted by their CRD's schema, CRDs refused when a
 * rule does not compile, and the scale subresource of the built-in workloads.
 */
final class AdmittedWrites {
  private static final String CRDS = "customresourcedefinitions";
  private static final String CRD_GROUP = "apiextensions.k8s.io";

  private final ClusterStore store;
  private final StoredCrds crds;
  private final SchemaAdmission admission = new SchemaAdmission();
  private final ScaleSubresource scale;
  private final KubernetesSerialization serialization = new KubernetesSerialization();

  AdmittedWrites(ClusterStore store, StoredCrds crds) {
    this.store = store;
    this.crds = crds;
    this.scale = new ScaleSubresource(store);
  }

  /**
   * Serialized: a patch reads, changes and writes back the object, with no other write in between. (Writes of
   * different objects admitted side by side made a storm's writers contend and answered a 1,000-alert body
   * about twice as late.)
   */
  synchronized MockResponse handle(RecordedRequest request, ApiPath path) {
    String body = new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
    try {
      if (ScaleSubresource.isScale(path)) {
        return scale.write(path, request.getHeader("Content-Type"), body, request.method() == HttpMethod.PATCH);
      }
      MockResponse answer = switch (request.method()) {
        case POST -> create(path, Patches.parse(body));
        case PUT -> update(path, Patches.parse(body), Optional.empty());
        default -> patch(path, request.getHeader("Content-Type"), body);
      };
      if (path.group().equals(CRD_GROUP) && path.plural().equals(CRDS)) {
        crds.changed();
      }
      return answer;
    } catch (Patches.Refused refused) {
      return refused.response();
    }
  }

  private MockResponse create(ApiPath path, JsonNode body) {
    if (!body.isObject()) {
      return ApiStatus.badRequest("the request body is not a JSON object");
    }
    ObjectNode object = (ObjectNode) body;
    JsonNode metadata = object.path("metadata");
    if (metadata.isObject() && metadata.path("name").asText("").isEmpty() && !metadata.path("generateName").asText("").isEmpty()) {
      ((ObjectNode) metadata).put("name", ObjectNames.generate(metadata.get("generateName").asText()));
    }
    var refusal = refusedDefinition(path, object);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    return write(path, object, MissingNode.getInstance(), admitted -> store.create(path.objectPath(), admitted));
  }

  /** An update with the stored object already read, as for a patch, or to read now. */
  private MockResponse update(ApiPath path, JsonNode body, Optional<JsonNode> stored) {
    if (!body.isObject()) {
      return ApiStatus.badRequest("the request body is not a JSON object");
    }
    ObjectNode object = (ObjectNode) body;
    var refusal = refusedDefinition(path, object);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    JsonNode old = stored.or(() -> store.object(path.objectPath())).orElse(MissingNode.getInstance());
    String target = path.objectPath() + (path.subresource() == null ? "" : "/" + path.subresource());
    return write(path, object, old, admitted -> store.replace(target, admitted));
  }

  private MockResponse patch(ApiPath path, String contentType, String body) throws Patches.Refused {
    var stored = store.object(path.objectPath());
    if (stored.isEmpty()) {
      return ApiStatus.notFound(path.plural() + " " + FieldError.quote(path.name()) + " not found");
    }
    boolean custom = customResource(path).isPresent();
    JsonNode patched = Patches.apply(contentType, stored.get(), body, custom ? null : stored.get().path("kind").asText());
    return update(path, patched, stored);
  }

  /** Writes what admission lets through, with its warnings; or answers its refusal. */
  private MockResponse write(ApiPath path, ObjectNode object, JsonNode old, Function<JsonNode, MockResponse> write) {
    var outcome = customResource(path)
        .map(crd -> admission.admit(crd, path.version(), object, old, "status".equals(path.subresource()),
            path.query().getOrDefault("fieldValidation", "Warn")))
        .orElseGet(() -> new Outcome.Admitted(SecretStringData.fold(path, object), List.of()));
    return switch (outcome) {
      case Outcome.Admitted admitted -> {
        MockResponse answer = write.apply(admitted.object());
        admitted.warnings().forEach(warning -> answer.addHeader("Warning", "299 - " + FieldError.quote(warning)));
        yield answer;
      }
      case Outcome.Refused refused -> refused.response();
    };
  }

  private Optional<MockResponse> refusedDefinition(ApiPath path, ObjectNode object) {
    if (!path.group().equals(CRD_GROUP) || !path.plural().equals(CRDS) || path.subresource() != null) {
      return Optional.empty();
    }
    var crd = serialization.convertValue(object, CustomResourceDefinition.class);
    var errors = admission.definitionErrors(crd);
    return errors.isEmpty() ? Optional.empty()
        : Optional.of(ApiStatus.invalid(CRD_GROUP, "CustomResourceDefinition", object.path("metadata").path("name").asText(), errors));
  }

  private Optional<CustomResourceDefinition> customResource(ApiPath path) {
    return path.group().isEmpty() ? Optional.empty() : crds.find(path.group(), path.plural());
  }
}

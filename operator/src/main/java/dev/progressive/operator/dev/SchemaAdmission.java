package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.progressive.operator.dev.FieldError.Type;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the API server does with a custom resource before it stores it, from its CRD's structural schema:
 * prunes unknown fields (refusing them under fieldValidation=Strict, kubectl's default, and warning of them
 * under Warn, the default of other clients), applies defaults, then validates the schema and its CEL rules
 * and refuses an invalid object with a 422 that names each field. On an update, an error the old object
 * already had in a value left unchanged is let through (validation ratcheting). A write to the status
 * subresource changes and validates only the status; any other write leaves the status as it was.
 */
final class SchemaAdmission {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Type> BLOCKING = Set.of(Type.NOT_SUPPORTED, Type.REQUIRED, Type.TOO_LONG, Type.TOO_MANY, Type.TYPE_INVALID);

  private final ValidationRules rules = new ValidationRules();
  // Schemas by CRD name, resourceVersion and version: reading one from the CRD costs more than admitting an object.
  private final Map<String, StructuralSchema> schemas = new ConcurrentHashMap<>();

  /** What to store and what to warn of, or the answer that refuses the write. */
  sealed interface Outcome {
    record Admitted(ObjectNode object, List<String> warnings) implements Outcome {}

    record Refused(MockResponse response) implements Outcome {}
  }

  /**
   * @param old the stored object on an update, a missing node on a create
   * @param fieldValidation the request's fieldValidation parameter: Strict, Warn (the default) or Ignore
   */
  Outcome admit(CustomResourceDefinition crd, String version, ObjectNode requested, JsonNode old, boolean statusWrite,
      String fieldValidation) {
    var served = StoredCrds.version(crd, version);
    if (served.isEmpty() || served.get().getSchema() == null || served.get().getSchema().getOpenAPIV3Schema() == null) {
      return new Outcome.Admitted(requested, List.of());
    }
    var schema = schemas.computeIfAbsent(crd.getMetadata().getName() + "/" + crd.getMetadata().getResourceVersion() + "/" + version,
        key -> new StructuralSchema(JSON.valueToTree(served.get().getSchema().getOpenAPIV3Schema())));
    ObjectNode object = requested.deepCopy();
    var unknown = SchemaPruning.prune(object, schema).stream().map(field -> "unknown field " + FieldError.quote(field)).toList();
    String kind = crd.getSpec().getNames().getKind();
    if ("Strict".equals(fieldValidation) && !unknown.isEmpty()) {
      return new Outcome.Refused(ApiStatus.badRequest(kind + " in version " + FieldError.quote(version) + " cannot be handled as a "
          + kind + ": strict decoding error: " + String.join(", ", unknown)));
    }
    SchemaDefaults.apply(object, schema);
    ObjectNode effective = withStatusRule(object, old, statusWrite, hasStatusSubresource(served.get()));
    var errors = validate(effective, old, schema);
    if (!errors.isEmpty()) {
      return new Outcome.Refused(ApiStatus.invalid(crd.getSpec().getGroup(), kind, effective.path("metadata").path("name").asText(), errors));
    }
    return new Outcome.Admitted(effective, "Ignore".equals(fieldValidation) ? List.of() : unknown);
  }

  /** Why a CRD cannot be stored: a validation rule of one of its schemas does not compile. */
  List<FieldError> definitionErrors(CustomResourceDefinition crd) {
    var errors = new ArrayList<FieldError>();
    var versions = crd.getSpec().getVersions();
    for (int i = 0; i < versions.size(); i++) {
      var schema = versions.get(i).getSchema();
      if (schema != null && schema.getOpenAPIV3Schema() != null) {
        errors.addAll(rules.compileErrors(new StructuralSchema(JSON.valueToTree(schema.getOpenAPIV3Schema())),
            "spec.versions[" + i + "].schema.openAPIV3Schema"));
      }
    }
    return errors;
  }

  private List<FieldError> validate(ObjectNode object, JsonNode old, StructuralSchema schema) {
    var errors = new ArrayList<FieldError>();
    if (old.isMissingNode()) {
      errors.addAll(ObjectNames.subdomainErrors(object.path("metadata").path("name").asText()));
    }
    errors.addAll(unlessRatcheted(SchemaValidation.validate(object, schema), object, old));
    if (errors.stream().anyMatch(error -> BLOCKING.contains(error.type()))) {
      errors.add(new FieldError(Type.INVALID, FieldPath.ROOT.toString(), null, "some validation rules were not checked "
          + "because the object was invalid; correct the existing errors to complete validation", null));
    } else {
      errors.addAll(unlessRatcheted(rules.evaluate(object, old, schema), object, old));
    }
    return errors;
  }

  private static List<FieldError> unlessRatcheted(List<FieldError> errors, JsonNode object, JsonNode old) {
    if (old.isMissingNode()) {
      return errors;
    }
    return errors.stream()
        .filter(error -> error.ratchetPath() == null
            || !error.ratchetPath().valueIn(object).equals(error.ratchetPath().valueIn(old)))
        .collect(Collectors.toList());
  }

  /**
   * The object as it will be stored: with the status subresource, a status write keeps all but the status
   * (and checks the resourceVersion it was sent with), and any other write keeps the stored status.
   */
  private static ObjectNode withStatusRule(ObjectNode object, JsonNode old, boolean statusWrite, boolean statusSubresource) {
    if (!statusSubresource) {
      return object;
    }
    if (statusWrite && old.isObject()) {
      ObjectNode stored = old.deepCopy();
      copyField(object, stored, "status");
      copyField(object.path("metadata"), (ObjectNode) stored.get("metadata"), "resourceVersion");
      return stored;
    }
    copyField(old, object, "status");
    return object;
  }

  private static void copyField(JsonNode from, ObjectNode to, String field) {
    if (from.has(field)) {
      to.set(field, from.get(field).deepCopy());
    } else {
      to.remove(field);
    }
  }

  private static boolean hasStatusSubresource(CustomResourceDefinitionVersion version) {
    return version.getSubresources() != null && version.getSubresources().getStatus() != null;
  }
}

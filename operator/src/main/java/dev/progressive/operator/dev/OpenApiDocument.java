package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The OpenAPI v3 documents kubectl reads: `kubectl explain` prints a custom resource's fields and
 * descriptions from its CRD's schema, and kubectl validates server-side (sending fieldValidation=Strict)
 * for every kind whose PATCH operation lists that parameter, instead of downloading OpenAPI v2 to validate
 * client-side. Built-in kinds get operations but no schemas, so `kubectl explain` knows custom resources only.
 */
final class OpenApiDocument {
  static final String ROOT = "/openapi/v3";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
  private static final List<String> PATCH_TYPES = List.of(Patches.JSON_PATCH, Patches.MERGE_PATCH, Patches.APPLY_PATCH);

  private final Supplier<List<CustomResourceDefinition>> crds;

  OpenApiDocument(Supplier<List<CustomResourceDefinition>> crds) {
    this.crds = crds;
  }

  static boolean isOpenApiPath(String path) {
    return path.equals(ROOT) || path.startsWith(ROOT + "/");
  }

  /** The document at a path without query: the root, which lists one document per group version, or one of them. */
  Optional<JsonNode> document(String path) {
    var documents = groupVersions();
    if (path.equals(ROOT)) {
      ObjectNode root = JSON.createObjectNode();
      ObjectNode paths = root.putObject("paths");
      documents.forEach((groupVersion, document) -> paths.putObject(groupVersion)
          .put("serverRelativeURL", ROOT + "/" + groupVersion + "?hash=" + hash(document)));
      return Optional.of(root);
    }
    return Optional.ofNullable(documents.get(path.substring(ROOT.length() + 1)));
  }

  private Map<String, ObjectNode> groupVersions() {
    var documents = new LinkedHashMap<String, ObjectNode>();
    for (BuiltInResource resource : BuiltInResource.ALL) {
      var document = documents.computeIfAbsent(key(resource.group(), resource.version()), k -> newDocument());
      addPaths(document, resource.group(), resource.version(), resource.kind(), resource.plural(), resource.namespaced());
    }
    for (CustomResourceDefinition crd : crds.get()) {
      var spec = crd.getSpec();
      boolean namespaced = "Namespaced".equals(spec.getScope());
      spec.getVersions().stream().filter(v -> Boolean.TRUE.equals(v.getServed())).forEach(version -> {
        var document = documents.computeIfAbsent(key(spec.getGroup(), version.getName()), k -> newDocument());
        addPaths(document, spec.getGroup(), version.getName(), spec.getNames().getKind(), spec.getNames().getPlural(), namespaced);
        if (version.getSchema() != null && version.getSchema().getOpenAPIV3Schema() != null) {
          ObjectNode schemas = document.withObjectProperty("components").withObjectProperty("schemas");
          schemas.set(schemaName(spec.getGroup(), version.getName(), spec.getNames().getKind()),
              kindSchema(JSON.valueToTree(version.getSchema().getOpenAPIV3Schema()), spec.getGroup(), version.getName(), spec.getNames().getKind()));
          schemas.set(OBJECT_META, objectMeta());
        }
      });
    }
    return documents;
  }

  private static String key(String group, String version) {
    return group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
  }

  private static ObjectNode newDocument() {
    ObjectNode document = JSON.createObjectNode().put("openapi", "3.0.0");
    document.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0-progressive-dev");
    document.putObject("paths");
    return document;
  }

  private static void addPaths(ObjectNode document, String group, String version, String kind, String plural, boolean namespaced) {
    String prefix = "/" + key(group, version) + (namespaced ? "/namespaces/{namespace}/" : "/") + plural;
    ObjectNode paths = document.withObjectProperty("paths");
    ObjectNode collection = paths.putObject(prefix);
    collection.set("get", operation(group, version, kind, "list"));
    collection.set("post", operation(group, version, kind, "post"));
    ObjectNode item = paths.putObject(prefix + "/{name}");
    item.set("get", operation(group, version, kind, "get"));
    item.set("put", operation(group, version, kind, "put"));
    ObjectNode patch = operation(group, version, kind, "patch");
    patch.putArray("parameters").addObject().put("name", "fieldValidation").put("in", "query")
        .put("description", "Strict, Warn or Ignore: what to do with unknown fields").putObject("schema").put("type", "string");
    ObjectNode content = patch.putObject("requestBody").putObject("content");
    PATCH_TYPES.forEach(type -> content.putObject(type).putObject("schema").put("type", "object"));
    item.set("patch", patch);
    item.set("delete", operation(group, version, kind, "delete"));
  }

  private static ObjectNode operation(String group, String version, String kind, String action) {
    ObjectNode operation = JSON.createObjectNode().put("x-kubernetes-action", action);
    operation.putObject("x-kubernetes-group-version-kind").put("group", group).put("version", version).put("kind", kind);
    return operation;
  }

  /** The CRD's schema as the API server publishes it: with apiVersion, kind and metadata, and its GVK. */
  private static ObjectNode kindSchema(ObjectNode schema, String group, String version, String kind) {
    ObjectNode properties = schema.withObjectProperty("properties");
    properties.putObject("apiVersion").put("type", "string")
        .put("description", "The versioned schema of this representation of an object, e.g. " + group + "/" + version + ".");
    properties.putObject("kind").put("type", "string").put("description", "The REST resource this object represents: " + kind + ".");
    ObjectNode metadata = properties.putObject("metadata");
    metadata.putArray("allOf").addObject().put("$ref", "#/components/schemas/" + OBJECT_META);
    metadata.put("description", "Standard object's metadata.");
    schema.putArray("x-kubernetes-group-version-kind").addObject().put("group", group).put("version", version).put("kind", kind);
    return schema;
  }

  private static ObjectNode objectMeta() {
    ObjectNode meta = JSON.createObjectNode().put("type", "object")
        .put("description", "Metadata that every persisted object has: name, namespace, labels, annotations and more.");
    ObjectNode properties = meta.putObject("properties");
    Map.of("name", "Unique within a namespace; cannot be changed.",
        "generateName", "A prefix from which the server makes a unique name when name is empty.",
        "namespace", "The namespace the object lives in.",
        "uid", "Unique in time and space; set by the server.",
        "resourceVersion", "The version of the object the server last stored; set by the server.",
        "creationTimestamp", "When the object was created; set by the server.",
        "deletionTimestamp", "When the object will be deleted, once its finalizers are gone; set by the server.")
        .forEach((name, description) -> properties.putObject(name).put("type", "string").put("description", description));
    properties.putObject("generation").put("type", "integer").put("description", "The generation of the desired state; set by the server.");
    properties.putObject("labels").put("type", "object").put("description", "Labels to select and group objects by.")
        .putObject("additionalProperties").put("type", "string");
    properties.putObject("annotations").put("type", "object").put("description", "Arbitrary data that tools attach to the object.")
        .putObject("additionalProperties").put("type", "string");
    properties.putObject("finalizers").put("type", "array").put("description", "What must happen before the object is deleted.")
        .putObject("items").put("type", "string");
    properties.putObject("ownerReferences").put("type", "array").put("description", "The objects this one belongs to.")
        .putObject("items").put("type", "object");
    return meta;
  }

  private static String schemaName(String group, String version, String kind) {
    var parts = List.of(group.split("\\."));
    var reversed = new StringBuilder();
    for (int i = parts.size() - 1; i >= 0; i--) {
      reversed.append(parts.get(i)).append('.');
    }
    return reversed + version + "." + kind;
  }

  private static String hash(JsonNode document) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-512").digest(document.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-512", e);
    }
  }
}

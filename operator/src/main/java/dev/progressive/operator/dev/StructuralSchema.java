package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node of a CRD's openAPIV3Schema, read as the API server reads a structural schema: a type, its
 * properties or items, and the x-kubernetes extensions that change how values are pruned and checked.
 */
record StructuralSchema(JsonNode node) {

  String type() {
    return node.path("type").asText("");
  }

  boolean preservesUnknownFields() {
    return node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
  }

  boolean intOrString() {
    return node.path("x-kubernetes-int-or-string").asBoolean(false);
  }

  /** An object that is itself a Kubernetes object: apiVersion, kind and metadata are its fields too. */
  boolean embeddedResource() {
    return node.path("x-kubernetes-embedded-resource").asBoolean(false);
  }

  boolean nullable() {
    return node.path("nullable").asBoolean(false);
  }

  Map<String, StructuralSchema> properties() {
    var properties = new LinkedHashMap<String, StructuralSchema>();
    node.path("properties").properties().forEach(p -> properties.put(p.getKey(), new StructuralSchema(p.getValue())));
    return properties;
  }

  Optional<StructuralSchema> property(String name) {
    JsonNode property = node.path("properties").path(name);
    return property.isObject() ? Optional.of(new StructuralSchema(property)) : Optional.empty();
  }

  /** The schema of a map's values, when the object is a map ({@code additionalProperties} with a schema). */
  Optional<StructuralSchema> additionalProperties() {
    JsonNode additional = node.path("additionalProperties");
    return additional.isObject() ? Optional.of(new StructuralSchema(additional)) : Optional.empty();
  }

  Optional<StructuralSchema> items() {
    JsonNode items = node.path("items");
    return items.isObject() ? Optional.of(new StructuralSchema(items)) : Optional.empty();
  }

  /** The default value, or a missing node. */
  JsonNode defaultValue() {
    return node.has("default") ? node.get("default") : MissingNode.getInstance();
  }

  List<String> required() {
    var required = new ArrayList<String>();
    node.path("required").forEach(name -> required.add(name.asText()));
    return required;
  }

  JsonNode validations() {
    return node.path("x-kubernetes-validations");
  }

  JsonNode get(String keyword) {
    return node.path(keyword);
  }
}

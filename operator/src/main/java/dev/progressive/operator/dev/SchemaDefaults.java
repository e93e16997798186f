package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fills in the defaults a structural schema declares, as the API server does after pruning: a field that
 * is absent gets its default where its parent object is present (an absent parent stays absent).
 */
final class SchemaDefaults {
  private SchemaDefaults() {}

  static void apply(JsonNode value, StructuralSchema schema) {
    if (value.isArray()) {
      schema.items().ifPresent(items -> value.forEach(item -> apply(item, items)));
      return;
    }
    if (!value.isObject()) {
      return;
    }
    var object = (ObjectNode) value;
    schema.properties().forEach((name, property) -> {
      if (!object.has(name) && !property.defaultValue().isMissingNode()) {
        object.set(name, property.defaultValue().deepCopy());
      }
      if (object.has(name)) {
        apply(object.get(name), property);
      }
    });
    schema.additionalProperties().ifPresent(values -> object.forEach(item -> apply(item, values)));
  }
}

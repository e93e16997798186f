package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops from an object what its structural schema does not declare, as the API server does before it
 * stores a custom resource: unknown fields (kept under x-kubernetes-preserve-unknown-fields), and nulls
 * where the schema does not allow them. The object's own apiVersion, kind and metadata always stay, and so
 * do those of an embedded resource.
 */
final class SchemaPruning {
  private static final Set<String> OBJECT_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private SchemaPruning() {}

  /** Prunes the object in place and answers the paths of the unknown fields it dropped. */
  static List<String> prune(ObjectNode object, StructuralSchema root) {
    var dropped = new ArrayList<String>();
    prune(object, root, FieldPath.ROOT, true, dropped);
    return dropped;
  }

  private static void prune(JsonNode value, StructuralSchema schema, FieldPath path, boolean kubernetesObject, List<String> dropped) {
    if (value.isArray()) {
      schema.items().ifPresent(items -> {
        for (int i = 0; i < value.size(); i++) {
          prune(value.get(i), items, path.index(i), items.embeddedResource(), dropped);
        }
      });
      return;
    }
    if (!value.isObject()) {
      return;
    }
    var properties = schema.properties();
    var mapValues = schema.additionalProperties();
    for (Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator(); fields.hasNext();) {
      var field = fields.next();
      String name = field.getKey();
      StructuralSchema fieldSchema = properties.get(name);
      if (fieldSchema == null && mapValues.isPresent()) {
        fieldSchema = mapValues.get();
      }
      if (fieldSchema == null) {
        if (!schema.preservesUnknownFields() && !(kubernetesObject && OBJECT_FIELDS.contains(name))) {
          fields.remove();
          dropped.add(path.child(name).toString());
        }
      } else if (field.getValue().isNull() && !fieldSchema.nullable()) {
        fields.remove();
      } else {
        FieldPath child = properties.containsKey(name) ? path.child(name) : path.key(name);
        prune(field.getValue(), fieldSchema, child, fieldSchema.embeddedResource(), dropped);
      }
    }
  }
}

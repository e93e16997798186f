package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON value as the API server hands it to CEL: typed by its schema (an integer field is an int, a
 * number field a double even when written as 1), and for a Kubernetes object only metadata.name and
 * metadata.generateName of its metadata, the only metadata a rule may read.
 */
final class CelValues {
  private CelValues() {}

  static Object of(JsonNode value, Optional<StructuralSchema> schema, boolean kubernetesObject) {
    return switch (value.getNodeType()) {
      case STRING -> value.asText();
      case BOOLEAN -> value.asBoolean();
      case NUMBER -> schema.map(StructuralSchema::type).filter("number"::equals).isPresent() || !value.isIntegralNumber()
          ? (Object) value.asDouble() : (Object) value.asLong();
      case ARRAY -> {
        var list = new ArrayList<>();
        value.forEach(item -> list.add(of(item, schema.flatMap(StructuralSchema::items),
            schema.flatMap(StructuralSchema::items).map(StructuralSchema::embeddedResource).orElse(false))));
        yield list;
      }
      case OBJECT -> object(value, schema, kubernetesObject);
      default -> NullValue.NULL_VALUE;
    };
  }

  private static Map<String, Object> object(JsonNode value, Optional<StructuralSchema> schema, boolean kubernetesObject) {
    var map = new LinkedHashMap<String, Object>();
    value.properties().forEach(field -> {
      String name = field.getKey();
      if (kubernetesObject && name.equals("metadata")) {
        map.put(name, metadata(field.getValue()));
        return;
      }
      var fieldSchema = schema.flatMap(s -> s.property(name)).or(() -> schema.flatMap(StructuralSchema::additionalProperties));
      map.put(name, of(field.getValue(), fieldSchema, fieldSchema.map(StructuralSchema::embeddedResource).orElse(false)));
    });
    return map;
  }

  private static Map<String, Object> metadata(JsonNode metadata) {
    var visible = new LinkedHashMap<String, Object>();
    for (String field : new String[] {"name", "generateName"}) {
      if (metadata.path(field).isTextual()) {
        visible.put(field, metadata.get(field).asText());
      }
    }
    return visible;
  }
}

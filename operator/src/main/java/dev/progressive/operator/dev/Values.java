package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** JSON values as the API server sees them: JSON type names, numeric equality, plain Java values. */
final class Values {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Values() {}

  /** The JSON type name the API server's messages use. */
  static String typeName(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
      case BOOLEAN -> "boolean";
      case OBJECT -> "object";
      case ARRAY -> "array";
      default -> "null";
    };
  }

  /** JSON equality, where 1 and 1.0 are the same number. */
  static boolean equal(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  /** The value as String, Long, Double, Boolean, Map, List or null. */
  static Object plain(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> value.asText();
      case NUMBER -> value.isIntegralNumber() ? (Object) value.asLong() : (Object) value.asDouble();
      case BOOLEAN -> value.asBoolean();
      case OBJECT -> {
        var map = new LinkedHashMap<String, Object>();
        value.properties().forEach(field -> map.put(field.getKey(), plain(field.getValue())));
        yield map;
      }
      case ARRAY -> {
        var list = new ArrayList<Object>();
        value.forEach(item -> list.add(plain(item)));
        yield list;
      }
      default -> null;
    };
  }

  /** The given fields of an object, as an object: the identity of an item of a map-type list. */
  static ObjectNode select(JsonNode object, List<String> fields) {
    ObjectNode selected = JSON.createObjectNode();
    fields.forEach(field -> selected.set(field, object.path(field)));
    return selected;
  }
}

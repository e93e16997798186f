package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import dev.progressive.operator.dev.FieldError.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Checks a value against its structural schema's value validations (type, enum, bounds, lengths, pattern,
 * required, list types) and words each failure as the API server does, e.g.
 * {@code spec.replicas: Invalid value: 101: spec.replicas in body should be less than or equal to 100}.
 * x-kubernetes-validations rules are {@link ValidationRules}' part.
 */
final class SchemaValidation {
  private SchemaValidation() {}

  static List<FieldError> validate(JsonNode object, StructuralSchema root) {
    var errors = new ArrayList<FieldError>();
    validate(object, root, FieldPath.ROOT, errors);
    return errors;
  }

  private static void validate(JsonNode value, StructuralSchema schema, FieldPath path, List<FieldError> errors) {
    if (!hasType(value, schema)) {
      String actual = Values.typeName(value);
      String expected = schema.intOrString() ? "integer,string" : schema.type();
      errors.add(error(Type.TYPE_INVALID, path, actual, "must be of type " + expected + ": " + FieldError.quote(actual)));
      return;
    }
    checkEnum(value, schema, path, errors);
    if (value.isTextual()) {
      checkString(value.asText(), schema, path, errors);
    } else if (value.isNumber()) {
      checkNumber(value, schema, path, errors);
    } else if (value.isArray()) {
      checkArray(value, schema, path, errors);
    } else if (value.isObject()) {
      checkObject(value, schema, path, errors);
    }
  }

  private static boolean hasType(JsonNode value, StructuralSchema schema) {
    if (schema.intOrString()) {
      return value.isIntegralNumber() || value.isTextual();
    }
    return switch (schema.type()) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> true;
    };
  }

  private static void checkEnum(JsonNode value, StructuralSchema schema, FieldPath path, List<FieldError> errors) {
    JsonNode allowed = schema.get("enum");
    if (allowed.isArray() && StreamSupport.stream(allowed.spliterator(), false).noneMatch(a -> Values.equal(a, value))) {
      String supported = StreamSupport.stream(allowed.spliterator(), false)
          .map(a -> a.isTextual() ? FieldError.quote(a.asText()) : a.toString())
          .collect(Collectors.joining(", "));
      errors.add(new FieldError(Type.NOT_SUPPORTED, path.toString(), Values.plain(value), "supported values: " + supported, path));
    }
  }

  private static void checkString(String text, StructuralSchema schema, FieldPath path, List<FieldError> errors) {
    JsonNode maxLength = schema.get("maxLength");
    if (maxLength.isNumber() && text.codePointCount(0, text.length()) > maxLength.asInt()) {
      errors.add(new FieldError(Type.TOO_LONG, path.toString(), text, "may not be more than " + maxLength.asInt() + " bytes", path));
    }
    JsonNode minLength = schema.get("minLength");
    if (minLength.isNumber() && text.codePointCount(0, text.length()) < minLength.asInt()) {
      errors.add(error(Type.INVALID, path, text, "should be at least " + minLength.asInt() + " chars long"));
    }
    JsonNode pattern = schema.get("pattern");
    // The API server's patterns are Go regular expressions, which match anywhere unless anchored.
    if (pattern.isTextual() && !Pattern.compile(pattern.asText()).matcher(text).find()) {
      errors.add(error(Type.INVALID, path, text, "should match '" + pattern.asText() + "'"));
    }
  }

  private static void checkNumber(JsonNode value, StructuralSchema schema, FieldPath path, List<FieldError> errors) {
    double number = value.asDouble();
    JsonNode maximum = schema.get("maximum");
    if (maximum.isNumber()) {
      boolean exclusive = schema.get("exclusiveMaximum").asBoolean(false);
      if (exclusive ? number >= maximum.asDouble() : number > maximum.asDouble()) {
        errors.add(error(Type.INVALID, path, Values.plain(value), "should be less than "
            + (exclusive ? "" : "or equal to ") + FieldError.goNumber(maximum.asDouble())));
      }
    }
    JsonNode minimum = schema.get("minimum");
    if (minimum.isNumber()) {
      boolean exclusive = schema.get("exclusiveMinimum").asBoolean(false);
      if (exclusive ? number <= minimum.asDouble() : number < minimum.asDouble()) {
        errors.add(error(Type.INVALID, path, Values.plain(value), "should be greater than "
            + (exclusive ? "" : "or equal to ") + FieldError.goNumber(minimum.asDouble())));
      }
    }
    JsonNode multipleOf = schema.get("multipleOf");
    if (multipleOf.isNumber() && Math.IEEEremainder(number, multipleOf.asDouble()) != 0) {
      errors.add(error(Type.INVALID, path, Values.plain(value), "should be a multiple of " + FieldError.goNumber(multipleOf.asDouble())));
    }
  }

  private static void checkArray(JsonNode list, StructuralSchema schema, FieldPath path, List<FieldError> errors) {
    JsonNode maxItems = schema.get("maxItems");
    if (maxItems.isNumber() && list.size() > maxItems.asInt()) {
      errors.add(new FieldError(Type.TOO_MANY, path.toString(), (long) list.size(), "must have at most " + maxItems.asInt() + " items", path));
    }
    JsonNode minItems = schema.get("minItems");
    if (minItems.isNumber() && list.size() < minItems.asInt()) {
      errors.add(error(Type.INVALID, path, Values.plain(list), "should have at least " + minItems.asInt() + " items"));
    }
    checkListType(list, schema, path, errors);
    schema.items().ifPresent(items -> {
      for (int i = 0; i < list.size(); i++) {
        validate(list.get(i), items, path.index(i), errors);
      }
    });
  }

  /** x-kubernetes-list-type set: no value twice; map: no two items with the same keys. */
  private static void checkListType(JsonNode list, StructuralSchema schema, FieldPath path, List<FieldError> errors) {
    String listType = schema.get("x-kubernetes-list-type").asText("atomic");
    if (listType.equals("atomic")) {
      return;
    }
    var mapKeys = new ArrayList<String>();
    schema.get("x-kubernetes-list-map-keys").forEach(key -> mapKeys.add(key.asText()));
    var seen = new HashSet<JsonNode>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      JsonNode identity = listType.equals("map") ? Values.select(item, mapKeys) : item;
      if (!seen.add(identity)) {
        errors.add(new FieldError(Type.DUPLICATE, path.index(i).toString(), Values.plain(identity), null, path.index(i)));
      }
    }
  }

  private static void checkObject(JsonNode object, StructuralSchema schema, FieldPath path, List<FieldError> errors) {
    for (String required : schema.required()) {
      if (!object.has(required)) {
        errors.add(new FieldError(Type.REQUIRED, path.child(required).toString(), null, null, path));
      }
    }
    JsonNode maxProperties = schema.get("maxProperties");
    if (maxProperties.isNumber() && object.size() > maxProperties.asInt()) {
      errors.add(new FieldError(Type.TOO_MANY, path.toString(), (long) object.size(), "must have at most " + maxProperties.asInt() + " items", path));
    }
    JsonNode minProperties = schema.get("minProperties");
    if (minProperties.isNumber() && object.size() < minProperties.asInt()) {
      errors.add(error(Type.INVALID, path, Values.plain(object), "should have at least " + minProperties.asInt() + " properties"));
    }
    var properties = schema.properties();
    var mapValues = schema.additionalProperties();
    object.properties().forEach(field -> {
      if (properties.containsKey(field.getKey())) {
        validate(field.getValue(), properties.get(field.getKey()), path.child(field.getKey()), errors);
      } else {
        mapValues.ifPresent(values -> validate(field.getValue(), values, path.key(field.getKey()), errors));
      }
    });
  }

  /** kube-openapi's wording: the field, "in body", then what it should be. */
  private static FieldError error(Type type, FieldPath path, Object value, String should) {
    return new FieldError(type, path.toString(), value, path + " in body " + should, path);
  }
}

package dev.progressive.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object from a request, read field by field with validation. Every failure is a
 * {@link BadRequestException} whose field is the full path ({@code expenses[2].amount}).
 */
public final class RequestBody {
  private final JsonNode node;
  private final String path;

  private RequestBody(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  public static RequestBody parse(byte[] bytes) {
    if (bytes.length == 0) {
      throw new BadRequestException("body", "body must be a JSON object");
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new BadRequestException("body", "body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new BadRequestException("body", "body must be a JSON object");
    }
    return new RequestBody(node, "");
  }

  /** The raw JSON, for agents that pass a body on unchanged. */
  public JsonNode json() {
    return node;
  }

  public int requiredInt(String field, int min, int max) {
    JsonNode value = required(field);
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw invalid(field, "must be an integer");
    }
    return inRange(field, value.intValue(), min, max);
  }

  public int optionalInt(String field, int fallback, int min, int max) {
    return node.hasNonNull(field) ? requiredInt(field, min, max) : fallback;
  }

  public double requiredNumber(String field, double min, double max) {
    JsonNode value = required(field);
    if (!value.isNumber()) {
      throw invalid(field, "must be a number");
    }
    double number = value.doubleValue();
    if (number < min || number > max) {
      throw invalid(field, "must be between " + min + " and " + max);
    }
    return number;
  }

  public boolean requiredBoolean(String field) {
    JsonNode value = required(field);
    if (!value.isBoolean()) {
      throw invalid(field, "must be true or false");
    }
    return value.booleanValue();
  }

  public String requiredString(String field, int maxLength) {
    JsonNode value = required(field);
    if (!value.isTextual() || value.textValue().isBlank()) {
      throw invalid(field, "must be a non-empty string");
    }
    if (value.textValue().length() > maxLength) {
      throw invalid(field, "must be at most " + maxLength + " characters");
    }
    return value.textValue();
  }

  public String optionalString(String field, String fallback, int maxLength) {
    return node.hasNonNull(field) ? requiredString(field, maxLength) : fallback;
  }

  /** A string from a closed set; the set keeps metric labels bounded. */
  public String requiredChoice(String field, Set<String> allowed) {
    String value = requiredString(field, 64);
    if (!allowed.contains(value)) {
      throw invalid(field, "must be one of " + allowed);
    }
    return value;
  }

  public String optionalChoice(String field, Set<String> allowed, String fallback) {
    return node.hasNonNull(field) ? requiredChoice(field, allowed) : fallback;
  }

  /** An optional array of strings from a closed set, without duplicates, in the order given. */
  public List<String> choices(String field, Set<String> allowed) {
    if (!node.hasNonNull(field)) {
      return List.of();
    }
    JsonNode value = node.get(field);
    if (!value.isArray()) {
      throw invalid(field, "must be an array of " + allowed);
    }
    Set<String> result = new LinkedHashSet<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual() || !allowed.contains(item.textValue())) {
        throw new BadRequestException(fieldPath(field) + "[" + i + "]",
            fieldPath(field) + "[" + i + "] must be one of " + allowed);
      }
      result.add(item.textValue());
    }
    return List.copyOf(result);
  }

  /** A required, non-empty array of objects, each read with the same validation. */
  public List<RequestBody> objects(String field, int maxItems) {
    JsonNode value = required(field);
    if (!value.isArray() || value.isEmpty()) {
      throw invalid(field, "must be a non-empty array of objects");
    }
    if (value.size() > maxItems) {
      throw invalid(field, "must have at most " + maxItems + " items");
    }
    List<RequestBody> result = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      String itemPath = fieldPath(field) + "[" + i + "]";
      if (value.get(i).getNodeType() != JsonNodeType.OBJECT) {
        throw new BadRequestException(itemPath, itemPath + " must be an object");
      }
      result.add(new RequestBody(value.get(i), itemPath + "."));
    }
    return result;
  }

  public Optional<RequestBody> optionalObject(String field) {
    if (!node.hasNonNull(field)) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    if (!value.isObject()) {
      throw invalid(field, "must be an object");
    }
    return Optional.of(new RequestBody(value, fieldPath(field) + "."));
  }

  public RequestBody requiredObject(String field) {
    return optionalObject(field).orElseThrow(() -> invalid(field, "is required"));
  }

  public boolean has(String field) {
    return node.hasNonNull(field);
  }

  private JsonNode required(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw invalid(field, "is required");
    }
    return value;
  }

  private int inRange(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw invalid(field, "must be between " + min + " and " + max);
    }
    return value;
  }

  private String fieldPath(String field) {
    return path + field;
  }

  private BadRequestException invalid(String field, String problem) {
    return new BadRequestException(fieldPath(field), fieldPath(field) + " " + problem);
  }
}

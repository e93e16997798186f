package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A path into an object, printed as the API server prints field paths: {@code spec.steps[0].action} for
 * fields and list items, {@code spec.resources.limits[cpu]} for map keys, {@code <nil>} for the object.
 */
record FieldPath(List<Object> segments) {

  static final FieldPath ROOT = new FieldPath(List.of());

  /** A key of a map (an object with additionalProperties), as opposed to a field. */
  record MapKey(String key) {}

  FieldPath child(String field) {
    return with(field);
  }

  FieldPath index(int index) {
    return with(index);
  }

  FieldPath key(String key) {
    return with(new MapKey(key));
  }

  private FieldPath with(Object segment) {
    var longer = new ArrayList<>(segments);
    longer.add(segment);
    return new FieldPath(List.copyOf(longer));
  }

  /** The value at this path, or a missing node. */
  JsonNode valueIn(JsonNode root) {
    JsonNode node = root;
    for (Object segment : segments) {
      node = switch (segment) {
        case Integer index -> node.path(index);
        case MapKey mapKey -> node.path(mapKey.key());
        default -> node.path((String) segment);
      };
      if (node.isMissingNode()) {
        return MissingNode.getInstance();
      }
    }
    return node;
  }

  @Override
  public String toString() {
    if (segments.isEmpty()) {
      return "<nil>";
    }
    var text = new StringBuilder();
    for (Object segment : segments) {
      switch (segment) {
        case Integer index -> text.append('[').append(index).append(']');
        case MapKey mapKey -> text.append('[').append(mapKey.key()).append(']');
        default -> text.append(text.isEmpty() ? "" : ".").append(segment);
      }
    }
    return text.toString();
  }
}

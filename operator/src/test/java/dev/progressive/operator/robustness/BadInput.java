package dev.progressive.operator.robustness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.regex.Pattern;

/**
 * One malformed custom resource: a valid base object of its kind with one value set at a path, as a
 * user's typo, a schema-less CRD or a newer operator would leave it. {@code field} is what the
 * operator must name in its answer.
 */
record BadInput(String kind, String name, String path, Object value, String field) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");

  BadInput(String kind, String name, String path, Object value) {
    this(kind, name, path, value, path);
  }

  GenericKubernetesResource resource(String namespace, String base) {
    try {
      var tree = (ObjectNode) JSON.readTree(base.formatted(name, namespace));
      set(tree, path, value);
      return JSON.treeToValue(tree, GenericKubernetesResource.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets a value at a path such as spec.steps[0].action, creating the objects on the way. */
  private static void set(ObjectNode tree, String path, Object value) {
    var parts = path.split("\\.");
    ObjectNode at = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      var indexed = INDEXED.matcher(parts[i]);
      if (indexed.matches()) {
        at = (ObjectNode) ((ArrayNode) at.get(indexed.group(1))).get(Integer.parseInt(indexed.group(2)));
      } else {
        at = at.has(parts[i]) ? (ObjectNode) at.get(parts[i]) : at.putObject(parts[i]);
      }
    }
    at.set(parts[parts.length - 1], JSON.valueToTree(value));
  }

  @Override
  public String toString() {
    return kind + " " + name + ": " + path + "=" + value;
  }
}

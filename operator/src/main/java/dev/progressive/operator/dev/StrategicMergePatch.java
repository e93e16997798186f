package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes' strategic merge patch, what kubectl apply, edit and patch send for built-in kinds: a JSON
 * merge patch in which the lists that {@link PatchMergeKeys} names merge item by item on their key, plus
 * the directives kubectl writes: {@code $patch: replace|delete}, {@code $setElementOrder/<list>},
 * {@code $deleteFromPrimitiveList/<list>} and {@code $retainKeys}.
 */
final class StrategicMergePatch {
  private static final String DIRECTIVE = "$patch";
  private static final String ORDER = "$setElementOrder/";
  private static final String DELETE_FROM = "$deleteFromPrimitiveList/";
  private static final String RETAIN_KEYS = "$retainKeys";

  private final PatchMergeKeys keys;

  StrategicMergePatch(PatchMergeKeys keys) {
    this.keys = keys;
  }

  /** The target with the patch applied; neither is changed. */
  JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    return mergeObject(target.isObject() ? (ObjectNode) target : JsonNodeFactory.instance.objectNode(), (ObjectNode) patch, "");
  }

  private ObjectNode mergeObject(ObjectNode target, ObjectNode patch, String path) {
    if ("replace".equals(patch.path(DIRECTIVE).asText())) {
      return withoutDirectives(patch);
    }
    ObjectNode result = target.deepCopy();
    patch.properties().forEach(field -> {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.startsWith("$")) {
        return;
      }
      String at = path.isEmpty() ? name : path + "." + name;
      if (value.isNull()) {
        result.remove(name);
      } else if (value.isObject() && "delete".equals(value.path(DIRECTIVE).asText())) {
        result.remove(name);
      } else if (value.isObject() && result.path(name).isObject()) {
        result.set(name, mergeObject((ObjectNode) result.get(name), (ObjectNode) value, at));
      } else if (value.isArray()) {
        result.set(name, mergeList(result.path(name), (ArrayNode) value, at));
      } else {
        result.set(name, value.isObject() ? withoutDirectives((ObjectNode) value) : value.deepCopy());
      }
    });
    patch.properties().forEach(field -> {
      if (field.getKey().startsWith(DELETE_FROM) && result.path(field.getKey().substring(DELETE_FROM.length())).isArray()) {
        var list = (ArrayNode) result.get(field.getKey().substring(DELETE_FROM.length()));
        list.removeIf(item -> contains(field.getValue(), item));
      }
    });
    patch.properties().forEach(field -> {
      String list = field.getKey().startsWith(ORDER) ? field.getKey().substring(ORDER.length()) : null;
      if (list != null && result.path(list).isArray()) {
        String at = path.isEmpty() ? list : path + "." + list;
        result.set(list, ordered((ArrayNode) result.get(list), field.getValue(), keys.at(at).map(PatchMergeKeys.Strategy::mergeKey)));
      }
    });
    if (patch.path(RETAIN_KEYS).isArray()) {
      result.properties().removeIf(field -> !contains(patch.get(RETAIN_KEYS), JsonNodeFactory.instance.textNode(field.getKey())));
    }
    return result;
  }

  private JsonNode mergeList(JsonNode target, ArrayNode patch, String path) {
    var strategy = keys.at(path).filter(PatchMergeKeys.Strategy::mergesItems);
    boolean replace = false;
    for (JsonNode item : patch) {
      replace |= "replace".equals(item.path(DIRECTIVE).asText()) && item.size() == 1;
    }
    if (strategy.isEmpty() || !target.isArray() || replace) {
      ArrayNode replaced = JsonNodeFactory.instance.arrayNode();
      patch.forEach(item -> {
        if (!(item.isObject() && item.has(DIRECTIVE) && item.size() == 1)) {
          replaced.add(item.isObject() ? withoutDirectives((ObjectNode) item) : item.deepCopy());
        }
      });
      return replaced;
    }
    String key = strategy.get().mergeKey();
    ArrayNode result = ((ArrayNode) target).deepCopy();
    for (JsonNode item : patch) {
      if (key.isEmpty() || !item.isObject()) {
        if (!contains(result, item)) {
          result.add(item.deepCopy());
        }
        continue;
      }
      int index = indexOf(result, key, item.path(key));
      if ("delete".equals(item.path(DIRECTIVE).asText())) {
        if (index >= 0) {
          result.remove(index);
        }
      } else if (index >= 0 && result.get(index).isObject()) {
        result.set(index, mergeObject((ObjectNode) result.get(index), (ObjectNode) item, path + "[]"));
      } else {
        result.add(withoutDirectives((ObjectNode) item));
      }
    }
    return result;
  }

  /** The items named by $setElementOrder first, in its order, then the others as they were. */
  private static ArrayNode ordered(ArrayNode list, JsonNode order, Optional<String> key) {
    ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
    List<JsonNode> rest = new ArrayList<>();
    list.forEach(rest::add);
    for (JsonNode wanted : order) {
      for (Iterator<JsonNode> items = rest.iterator(); items.hasNext();) {
        JsonNode item = items.next();
        boolean same = key.filter(k -> !k.isEmpty()).map(k -> item.path(k).equals(wanted.path(k))).orElse(item.equals(wanted));
        if (same) {
          sorted.add(item);
          items.remove();
          break;
        }
      }
    }
    rest.forEach(sorted::add);
    return sorted;
  }

  private static int indexOf(ArrayNode list, String key, JsonNode value) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).path(key).equals(value)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean contains(JsonNode list, JsonNode value) {
    for (JsonNode item : list) {
      if (item.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode withoutDirectives(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    Set<String> directives = new HashSet<>();
    copy.fieldNames().forEachRemaining(name -> {
      if (name.startsWith("$")) {
        directives.add(name);
      }
    });
    copy.remove(directives);
    copy.properties().forEach((Map.Entry<String, JsonNode> field) -> {
      if (field.getValue().isObject()) {
        field.setValue(withoutDirectives((ObjectNode) field.getValue()));
      }
    });
    return copy;
  }
}

package dev.progressive.operator.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.StringJoiner;

/** Writes a JSON value as a Lua table constructor, the shape Argo CD hands a health script as obj. */
final class LuaTable {
  private LuaTable() {}

  static String of(JsonNode node) {
    if (node.isObject()) {
      var fields = new StringJoiner(", ", "{", "}");
      node.properties().stream().filter(e -> !e.getValue().isNull())
          .forEach(e -> fields.add("[" + string(e.getKey()) + "] = " + of(e.getValue())));
      return fields.toString();
    }
    if (node.isArray()) {
      var items = new StringJoiner(", ", "{", "}");
      node.forEach(item -> items.add(of(item)));
      return items.toString();
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    return node.isNull() ? "nil" : string(node.asText());
  }

  private static String string(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
  }
}

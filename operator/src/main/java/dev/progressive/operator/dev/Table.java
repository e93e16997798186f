package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * The meta.k8s.io/v1 Table that `kubectl get` prints when the API server sends one: column definitions,
 * then one row of cells per object, each with the object's metadata.
 */
final class Table {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A column; kubectl shows priority 0 always and priority 1 with -o wide. */
  record Column(String name, String type, String format, int priority, String description) {
    static Column of(String name, String type, String description) {
      return new Column(name, type, "", 0, description);
    }

    static Column wide(String name, String description) {
      return new Column(name, "string", "", 1, description);
    }

    static Column nameColumn() {
      return new Column("Name", "string", "name", 0, "Name must be unique within a namespace.");
    }
  }

  private Table() {}

  /** A Table of one object or of a list's items. */
  static ObjectNode of(List<Column> columns, JsonNode objectOrList, Function<JsonNode, List<JsonNode>> cells) {
    var table = JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", objectOrList.path("metadata").path("resourceVersion").asText(""));
    var definitions = table.putArray("columnDefinitions");
    columns.forEach(column -> definitions.addObject().put("name", column.name()).put("type", column.type())
        .put("format", column.format()).put("priority", column.priority()).put("description", column.description()));
    var rows = table.putArray("rows");
    var items = objectOrList.has("items") ? objectOrList.get("items") : JSON.createArrayNode().add(objectOrList);
    items.forEach(item -> {
      var row = rows.addObject();
      cells.apply(item).forEach(row.putArray("cells")::add);
      var object = row.putObject("object").put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
      object.set("metadata", item.path("metadata").deepCopy());
    });
    return table;
  }

  /** The API server's short human duration since a timestamp: 45s, 5m30s, 3h, 2d5h. */
  static String age(String timestamp, Clock clock) {
    try {
      long s = Math.max(0, Duration.between(Instant.parse(timestamp), clock.instant()).toSeconds());
      if (s < 120) {
        return s + "s";
      }
      if (s < 600) {
        return s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
      }
      if (s < 3 * 3600) {
        return s / 60 + "m";
      }
      if (s < 48 * 3600) {
        return s / 3600 + "h";
      }
      return s / 86400 + "d" + (s % 86400 / 3600 == 0 ? "" : s % 86400 / 3600 + "h");
    } catch (DateTimeParseException e) {
      return timestamp;
    }
  }
}

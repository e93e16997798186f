package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Turns custom resources into the meta.k8s.io Table a real API server prints from a CRD's
 * additionalPrinterColumns, so that `kubectl get` shows the same columns in dev as on a cluster.
 */
final class PrinterColumns {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Configuration JSON_PATH = Configuration.builder()
      .jsonProvider(new JacksonJsonNodeJsonProvider())
      .options(Option.SUPPRESS_EXCEPTIONS, Option.ALWAYS_RETURN_LIST)
      .build();

  private final List<CustomResourceColumnDefinition> columns;
  private final Clock clock;

  PrinterColumns(List<CustomResourceColumnDefinition> columns, Clock clock) {
    this.columns = columns;
    this.clock = clock;
  }

  /** A Table of one object or of a list's items. */
  ObjectNode table(JsonNode objectOrList) {
    var table = JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.set("metadata", JSON.createObjectNode()
        .put("resourceVersion", objectOrList.path("metadata").path("resourceVersion").asText("")));
    var definitions = table.putArray("columnDefinitions");
    definitions.addObject().put("name", "Name").put("type", "string").put("format", "name").put("priority", 0)
        .put("description", "Name must be unique within a namespace.");
    columns.forEach(column -> definitions.addObject().put("name", column.getName()).put("type", column.getType())
        .put("format", column.getFormat() == null ? "" : column.getFormat())
        .put("priority", column.getPriority() == null ? 0 : column.getPriority())
        .put("description", column.getDescription() == null ? "" : column.getDescription()));
    var rows = table.putArray("rows");
    var items = objectOrList.has("items") ? objectOrList.get("items") : JSON.createArrayNode().add(objectOrList);
    items.forEach(item -> rows.add(row(item)));
    return table;
  }

  private ObjectNode row(JsonNode item) {
    var row = JSON.createObjectNode();
    ArrayNode cells = row.putArray("cells");
    cells.add(item.path("metadata").path("name").asText());
    columns.forEach(column -> cells.add(cell(item, column)));
    var object = row.putObject("object").put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
    object.set("metadata", item.path("metadata").deepCopy());
    return row;
  }

  private JsonNode cell(JsonNode item, CustomResourceColumnDefinition column) {
    ArrayNode found = JsonPath.using(JSON_PATH).parse(item).read("$" + column.getJsonPath());
    if (found == null || found.isEmpty() || found.get(0).isNull()) {
      return JSON.nullNode();
    }
    if ("date".equals(column.getType())) {
      return JSON.getNodeFactory().textNode(age(found.get(0).asText()));
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    return JSON.getNodeFactory().textNode(StreamSupport.stream(found.spliterator(), false)
        .map(JsonNode::asText).collect(Collectors.joining(",")));
  }

  /** The API server's short human duration: 45s, 5m30s, 3h, 2d5h. */
  private String age(String timestamp) {
    try {
      var age = Duration.between(Instant.parse(timestamp), clock.instant());
      long s = Math.max(0, age.toSeconds());
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

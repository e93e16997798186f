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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Turns custom resources into the Table a real API server prints from a CRD's additionalPrinterColumns,
 * so that `kubectl get` shows the same columns in dev as on a cluster.
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
    var definitions = new ArrayList<Table.Column>();
    definitions.add(Table.Column.nameColumn());
    columns.forEach(column -> definitions.add(new Table.Column(column.getName(), column.getType(),
        Objects.requireNonNullElse(column.getFormat(), ""), Objects.requireNonNullElse(column.getPriority(), 0),
        Objects.requireNonNullElse(column.getDescription(), ""))));
    return Table.of(definitions, objectOrList, item -> {
      var cells = new ArrayList<JsonNode>();
      cells.add(item.path("metadata").path("name"));
      columns.forEach(column -> cells.add(cell(item, column)));
      return cells;
    });
  }

  private JsonNode cell(JsonNode item, CustomResourceColumnDefinition column) {
    ArrayNode found = JsonPath.using(JSON_PATH).parse(item).read("$" + column.getJsonPath());
    if (found == null || found.isEmpty() || found.get(0).isNull()) {
      return JSON.nullNode();
    }
    if ("date".equals(column.getType())) {
      return JSON.getNodeFactory().textNode(Table.age(found.get(0).asText(), clock));
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    return JSON.getNodeFactory().textNode(StreamSupport.stream(found.spliterator(), false)
        .map(JsonNode::asText).collect(Collectors.joining(",")));
  }
}

package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers a list as the API server does: a {@code <Kind>List} of the resource's group version (the mock
 * answers a plain v1 List, which typed Go clients such as `kubectl describe`'s read as empty), of only
 * the items its field selector selects, and sorted by namespace and name (the order of its storage keys)
 * where the mock keeps insertion order.
 */
final class ListQuery {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Comparator<JsonNode> BY_NAMESPACE_AND_NAME = Comparator
      .<JsonNode, String>comparing(item -> item.path("metadata").path("namespace").asText(""))
      .thenComparing(item -> item.path("metadata").path("name").asText(""));

  private ListQuery() {}

  /** The list at pathAndQuery, given the kind of its items and how the mock answers a GET. */
  static MockResponse answer(String pathAndQuery, Optional<String> kind, Function<String, MockResponse> mockGet) {
    int split = pathAndQuery.indexOf('?');
    var selector = ApiPath.parse(pathAndQuery).map(p -> p.query().get("fieldSelector")).map(FieldSelector::parse);
    String forMock = selector.isEmpty() ? pathAndQuery : pathAndQuery.substring(0, split) + query(
        pathAndQuery.substring(split + 1), selector.get().forMock());
    MockResponse answer = mockGet.apply(forMock);
    if (answer.code() != 200) {
      return answer;
    }
    try {
      JsonNode list = JSON.readTree(answer.getBody().getBytes());
      if (!list.path("items").isArray()) {
        return answer;
      }
      List<JsonNode> items = new ArrayList<>();
      list.get("items").forEach(item -> {
        if (selector.map(s -> s.matchesTheRest(item)).orElse(true)) {
          items.add(item);
        }
      });
      items.sort(BY_NAMESPACE_AND_NAME);
      var path = ApiPath.parse(pathAndQuery).orElseThrow();
      kind.ifPresent(k -> ((ObjectNode) list).put("kind", k + "List")
          .put("apiVersion", path.group().isEmpty() ? path.version() : path.group() + "/" + path.version()));
      ArrayNode sorted = ((ObjectNode) list).putArray("items");
      items.forEach(sorted::add);
      return answer.setBody(JSON.writeValueAsString(list));
    } catch (IOException notAList) {
      return answer;
    }
  }

  /** The query with its fieldSelector replaced by the given one, or without it when that is empty. */
  private static String query(String query, String fieldSelector) {
    var parameters = Arrays.stream(query.split("&")).filter(p -> !p.startsWith("fieldSelector=")).collect(Collectors.toList());
    if (!fieldSelector.isEmpty()) {
      parameters.add("fieldSelector=" + URLEncoder.encode(fieldSelector, StandardCharsets.UTF_8));
    }
    return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
  }
}

package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/** The Status bodies a real API server answers a refused request with, so that kubectl prints them as it would. */
final class ApiStatus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiStatus() {}

  /**
   * 422 Invalid: {@code ProgressiveAgent.progressive.dev "x" is invalid: spec.port: Invalid value: ...}, one
   * cause per error; kubectl prints {@code The ProgressiveAgent "x" is invalid: ...} from the details.
   */
  static MockResponse invalid(String group, String kind, String name, List<FieldError> errors) {
    var distinct = List.copyOf(new LinkedHashSet<>(errors));
    String all = distinct.size() == 1 ? distinct.get(0).toString()
        : distinct.stream().map(FieldError::toString).collect(Collectors.joining(", ", "[", "]"));
    String groupKind = group.isEmpty() ? kind : kind + "." + group;
    ObjectNode status = status(422, "Invalid", groupKind + " " + FieldError.quote(name) + " is invalid: " + all);
    ObjectNode details = status.putObject("details").put("name", name).put("group", group).put("kind", kind);
    var causes = details.putArray("causes");
    distinct.forEach(error -> causes.addObject()
        .put("reason", error.type().reason).put("message", error.body()).put("field", error.field()));
    return response(422, status);
  }

  static MockResponse badRequest(String message) {
    return response(400, status(400, "BadRequest", message));
  }

  /** 422 without field causes, as for a JSON patch that does not apply. */
  static MockResponse unprocessable(String message) {
    return response(422, status(422, "Invalid", message));
  }

  static MockResponse notFound(String message) {
    return response(404, status(404, "NotFound", message));
  }

  static MockResponse unsupportedMediaType(String message) {
    return response(415, status(415, "UnsupportedMediaType", message));
  }

  static MockResponse internalError(String message) {
    return response(500, status(500, "InternalError", message));
  }

  private static ObjectNode status(int code, String reason, String message) {
    ObjectNode status = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
    status.putObject("metadata");
    return status.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
  }

  private static MockResponse response(int code, ObjectNode status) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
        .setBody(status.toString());
  }
}

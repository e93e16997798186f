package dev.progressive.runtime.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/** Reading request bodies and writing responses as JSON, with one shared mapper. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/json";

  private Json() {
  }

  /** The request's JSON object; a missing, malformed or non-object body is a 400 on {@code body}. */
  public static RequestBody read(ServerRequest request) {
    byte[] bytes = request.content().hasEntity() ? request.content().as(byte[].class) : new byte[0];
    return RequestBody.parse(bytes);
  }

  public static void send(ServerResponse response, Status status, Object body) {
    byte[] bytes;
    try {
      bytes = MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response not serializable: " + e.getMessage(), e);
    }
    response.status(status);
    response.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
    response.send(bytes);
  }

  public static void ok(ServerResponse response, Object body) {
    send(response, Status.OK_200, body);
  }

  /** The one error shape every endpoint answers with: {@code {"error": ..., "message": ...}}. */
  public static void error(ServerResponse response, Status status, String error, String message) {
    send(response, status, Map.of("error", error, "message", message));
  }

}

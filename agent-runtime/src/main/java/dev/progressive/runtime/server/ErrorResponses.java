package dev.progressive.runtime.server;

import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps exceptions from handlers to JSON answers: 400 naming the field, or a 500 that is logged. */
final class ErrorResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {
  }

  static void register(HttpRouting.Builder routing) {
    routing.error(BadRequestException.class, (req, res, e) -> {
      Map<String, String> body = new LinkedHashMap<>();
      body.put("error", "bad_request");
      body.put("field", e.field());
      body.put("message", e.getMessage());
      Json.send(res, Status.BAD_REQUEST_400, body);
    });
    // Helidon's own HTTP errors (a malformed request, an entity too large) keep their status.
    routing.error(HttpException.class, (req, res, e) ->
        Json.error(res, e.status(), "http_error", e.getMessage()));
    routing.error(RuntimeException.class, (req, res, e) -> {
      LOG.error("request {} {} failed", req.prologue().method().text(), req.path().path(), e);
      Json.error(res, Status.INTERNAL_SERVER_ERROR_500, "internal_error", "the agent failed to serve the request");
    });
  }
}

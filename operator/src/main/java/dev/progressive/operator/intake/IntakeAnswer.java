package dev.progressive.operator.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaTypes;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;

/** The intake's answer to one notification: a status and a JSON body. */
record IntakeAnswer(Status status, Object body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static IntakeAnswer stored(List<AlertOutcome> alerts) {
    return new IntakeAnswer(Status.OK_200, Map.of("alerts", alerts));
  }

  static IntakeAnswer error(Status status, String message) {
    return new IntakeAnswer(status, Map.of("error", message));
  }

  void send(ServerResponse res) throws JsonProcessingException {
    if (status.code() == Status.UNAUTHORIZED_401.code()) {
      res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"alertmanager-webhook\"");
    }
    res.status(status)
        .header(HeaderNames.CONTENT_TYPE, HttpMediaTypes.JSON_UTF_8.text())
        .send(JSON.writeValueAsBytes(body));
  }
}

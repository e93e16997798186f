package dev.progressive.runtime.server;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/** {@code /health/live} (the process serves) and {@code /health/ready} (send it traffic). */
final class HealthService implements HttpService {
  private final Readiness readiness;

  HealthService(Readiness readiness) {
    this.readiness = readiness;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/live", this::live).get("/ready", this::ready);
  }

  private void live(ServerRequest request, ServerResponse response) {
    Json.ok(response, Map.of("status", "UP"));
  }

  private void ready(ServerRequest request, ServerResponse response) {
    readiness.notReadyReason().ifPresentOrElse(
        reason -> Json.send(response, Status.SERVICE_UNAVAILABLE_503, Map.of("status", "DOWN", "reason", reason)),
        () -> Json.ok(response, Map.of("status", "UP")));
  }
}

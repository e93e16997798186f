package dev.progressive.operator.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/** What the test asks of an agent process over HTTP: faults, meal plans, and its breaker's state. */
final class AgentCalls {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Pattern INBOUND_BREAKER =
      Pattern.compile("^agent_circuit_breaker_state\\{[^}]*target=\"inbound\"[^}]*} (\\S+)$", Pattern.MULTILINE);

  private AgentCalls() {}

  static void injectFault(URI agent, String json) {
    expect(200, send(HttpRequest.newBuilder(agent.resolve("/admin/faults")).PUT(HttpRequest.BodyPublishers.ofString(json))));
  }

  static void removeFault(URI agent) {
    var status = send(HttpRequest.newBuilder(agent.resolve("/admin/faults")).DELETE()).statusCode();
    if (status != 200 && status != 204) {
      throw new IllegalStateException("DELETE /admin/faults on " + agent + " answered " + status);
    }
  }

  /** The answer's status to one meal-plan request. */
  static int mealPlan(URI agent) {
    return send(HttpRequest.newBuilder(agent.resolve("/api/v1/meal-plans"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"calorieTarget\": 2000}"))).statusCode();
  }

  /** agent_circuit_breaker_state{target="inbound"} from the agent's own /metrics: 0 closed, 1 open, 2 half-open. */
  static double inboundBreakerState(URI agent) {
    var metrics = expect(200, send(HttpRequest.newBuilder(agent.resolve("/metrics")).GET())).body();
    var matcher = INBOUND_BREAKER.matcher(metrics);
    if (!matcher.find()) {
      throw new IllegalStateException(agent + "/metrics has no inbound agent_circuit_breaker_state");
    }
    return Double.parseDouble(matcher.group(1));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
          + response.statusCode() + ": " + response.body());
    }
    return response;
  }
}

package dev.progressive.runtime.agents.mca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.progressive.runtime.agents.AgentType;
import dev.progressive.runtime.logging.LogFields;
import dev.progressive.runtime.server.BadRequestException;
import dev.progressive.runtime.server.Json;
import dev.progressive.runtime.server.RequestBody;
import io.opentelemetry.context.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A multi-agent request: the nutrition, workout and budget parts go to their agents in parallel,
 * then the report agent (when configured) summarises what came back. A part that fails is reported
 * in {@code errors} without failing the others.
 */
final class Coordinator {
  private static final List<String> PARTS = List.of("nutrition", "workout", "budget");

  /**
   * @param badRequest set when an agent rejected its part: the whole request is then a 400
   */
  record Outcome(Map<String, JsonNode> results, Map<String, JsonNode> errors, JsonNode report,
                 JsonNode badRequest) {

    Map<String, Object> view() {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("results", results);
      if (report != null) {
        view.put("report", report);
      }
      if (!errors.isEmpty()) {
        view.put("errors", errors);
      }
      return view;
    }
  }

  private final Router router;
  private final UpstreamPool pool;

  Coordinator(Router router, UpstreamPool pool) {
    this.router = router;
    this.pool = pool;
  }

  Outcome coordinate(RequestBody body) {
    Map<String, Task> tasks = new LinkedHashMap<>();
    Map<String, JsonNode> payloads = new LinkedHashMap<>();
    for (String part : PARTS) {
      body.optionalObject(part).ifPresent(payload -> {
        tasks.put(part, taskFor(part, payload));
        payloads.put(part, payload.json());
      });
    }
    if (tasks.isEmpty()) {
      throw new BadRequestException("body", "body must hold at least one of " + PARTS);
    }
    Map<String, Future<Router.Routed>> calls = new LinkedHashMap<>();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      // Each parallel call carries the request's trace context and log fields to its thread.
      tasks.forEach((part, task) -> calls.put(part, executor.submit(Context.current().wrap(
          LogFields.carry(() -> router.route(task, payloads.get(part), "coordinated"))))));
    }
    Map<String, JsonNode> results = new LinkedHashMap<>();
    Map<String, JsonNode> errors = new LinkedHashMap<>();
    for (var call : calls.entrySet()) {
      String part = call.getKey();
      Router.Routed routed;
      try {
        routed = call.getValue().get();
      } catch (ExecutionException e) {
        errors.put(part, failureView(e.getCause()));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while coordinating", e);
      }
      if (routed.answer().status() >= 400) {
        return new Outcome(results, errors, null, prefixField(routed.answer().body(), part + "."));
      }
      results.put(part, routed.answer().body());
    }
    JsonNode report = null;
    if (!results.isEmpty() && pool.serves(AgentType.RPA)) {
      ObjectNode request = Json.MAPPER.createObjectNode().put("title", "Coordinated plan");
      request.set("sections", Json.MAPPER.valueToTree(results));
      try {
        Router.Routed routed = router.route(Task.REPORT, request, "coordinated");
        if (routed.answer().status() < 400) {
          report = routed.answer().body();
        } else {
          errors.put("report", routed.answer().body());
        }
      } catch (RoutingFailure failure) {
        errors.put("report", failureView(failure));
      }
    }
    return new Outcome(results, errors, report, null);
  }

  private static Task taskFor(String part, RequestBody payload) {
    return switch (part) {
      case "nutrition" -> Task.MEAL_PLAN;
      case "workout" -> Task.WORKOUT_PLAN;
      default -> payload.has("expenses") ? Task.EXPENSE_ANALYSIS : Task.BUDGET;
    };
  }

  private static JsonNode failureView(Throwable failure) {
    if (failure instanceof RoutingFailure routing) {
      return Json.MAPPER.createObjectNode()
          .put("error", routing.error())
          .put("target", routing.target())
          .put("message", routing.getMessage());
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    throw new IllegalStateException(failure);
  }

  /** Rewrites an agent's {@code field} so it names the field in the MCA's request. */
  static JsonNode prefixField(JsonNode body, String prefix) {
    if (body instanceof ObjectNode object && object.path("field").isTextual()) {
      ObjectNode copy = object.deepCopy();
      String field = object.get("field").textValue();
      copy.put("field", prefix + field);
      String message = object.path("message").asText("");
      if (message.startsWith(field)) {
        copy.put("message", prefix + message);
      }
      return copy;
    }
    return body;
  }
}

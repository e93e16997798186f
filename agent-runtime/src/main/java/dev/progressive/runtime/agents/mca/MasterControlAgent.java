package dev.progressive.runtime.agents.mca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.progressive.runtime.agents.Agent;
import dev.progressive.runtime.agents.AgentContext;
import dev.progressive.runtime.server.AgentConfig;
import dev.progressive.runtime.server.Json;
import dev.progressive.runtime.server.RequestBody;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MCA, the master control agent: routes a task to the agent that does it ({@code /route}),
 * coordinates several agents for one request ({@code /coordinate}) and shows its view of the
 * upstreams ({@code /agents}).
 */
public final class MasterControlAgent implements Agent {
  private final UpstreamPool pool;
  private final UpstreamClient client;
  private final UpstreamProbe probe;
  private final McaMetrics metrics;
  private final Router router;
  private final Coordinator coordinator;

  public MasterControlAgent(AgentContext context) {
    AgentConfig config = context.config();
    this.pool = new UpstreamPool(config.upstreams(), context.breakerSettings()::current, context.clock());
    this.client = new UpstreamClient(context.tracing(), config.timings().upstreamTimeout());
    this.metrics = new McaMetrics(context.registry(), pool);
    this.router = new Router(pool, client, metrics);
    this.coordinator = new Coordinator(router, pool);
    for (UpstreamPool.Member member : pool.members()) {
      context.metrics().circuitBreakerState(member.upstream().name(), () -> member.breaker().state().gaugeValue());
    }
    this.probe = new UpstreamProbe(pool, client, config.timings().upstreamProbe(),
        config.agentType().label(), config.agentId());
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post("/route", this::route)
        .post("/coordinate", this::coordinate)
        .get("/agents", this::agents);
  }

  private void route(ServerRequest request, ServerResponse response) {
    RequestBody body = Json.read(request);
    Task task = Task.BY_LABEL.get(body.requiredChoice("task", Task.labels()));
    JsonNode payload = body.requiredObject("payload").json();
    Router.Routed routed;
    try (var timing = new TimedCoordination(metrics.coordination("single_agent"))) {
      routed = router.route(task, payload, "direct");
    } catch (RoutingFailure failure) {
      sendFailure(response, failure);
      return;
    }
    UpstreamClient.Answer answer = routed.answer();
    if (answer.status() >= 400) {
      // The upstream's 4xx names a field of the payload; say so in terms of the MCA's own request.
      Json.send(response, Status.create(answer.status()), Coordinator.prefixField(answer.body(), "payload."));
      return;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("task", task.label());
    result.put("routedTo", routed.upstream());
    result.put("result", answer.body());
    Json.ok(response, result);
  }

  private void coordinate(ServerRequest request, ServerResponse response) {
    RequestBody body = Json.read(request);
    Coordinator.Outcome outcome;
    try (var timing = new TimedCoordination(metrics.coordination("multi_agent"))) {
      outcome = coordinator.coordinate(body);
    }
    if (outcome.badRequest() != null) {
      Json.send(response, Status.BAD_REQUEST_400, outcome.badRequest());
      return;
    }
    Json.send(response, outcome.results().isEmpty() ? Status.BAD_GATEWAY_502 : Status.OK_200, outcome.view());
  }

  private void agents(ServerRequest request, ServerResponse response) {
    List<Map<String, Object>> upstreams = pool.members().stream().map(m -> {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("name", m.upstream().name());
      view.put("agentType", m.upstream().agentType().label());
      view.put("url", m.upstream().uri().toString());
      view.put("ready", m.ready());
      view.put("circuitBreaker", m.breaker().state().name().toLowerCase(java.util.Locale.ROOT));
      view.put("inFlight", m.inFlight());
      view.put("routed", m.routed());
      return view;
    }).toList();
    Json.ok(response, Map.of("upstreams", upstreams));
  }

  static void sendFailure(ServerResponse response, RoutingFailure failure) {
    ObjectNode body = Json.MAPPER.createObjectNode()
        .put("error", failure.error())
        .put("target", failure.target())
        .put("message", failure.getMessage());
    if (failure.retryAfter() != null) {
      response.header(HeaderNames.RETRY_AFTER, Long.toString(Math.max(1, failure.retryAfter().toSeconds())));
    }
    Json.send(response, failure.status(), body);
  }

  @Override
  public Optional<String> notReadyReason() {
    if (pool.members().stream().anyMatch(m -> m.ready() == null)) {
      return Optional.of("upstreams not checked yet");
    }
    List<String> down = pool.members().stream()
        .filter(m -> !m.ready())
        .map(m -> m.upstream().name())
        .toList();
    return down.isEmpty() ? Optional.empty() : Optional.of("upstreams not ready: " + String.join(", ", down));
  }

  @Override
  public void close() {
    probe.close();
    client.close();
  }

  /** Records the time of one coordination in the latency histogram however it ends. */
  private record TimedCoordination(io.micrometer.core.instrument.Timer timer, long start)
      implements AutoCloseable {
    TimedCoordination(io.micrometer.core.instrument.Timer timer) {
      this(timer, System.nanoTime());
    }

    @Override
    public void close() {
      timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }
}

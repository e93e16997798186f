package dev.progressive.runtime.faults;

import dev.progressive.runtime.server.Json;
import dev.progressive.runtime.server.RequestBody;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/faults}: GET shows the plan, PUT or POST replaces it, DELETE clears it. Registered
 * only when {@code FAULT_INJECTION_ENABLED} is true; otherwise the path does not exist.
 */
public final class FaultAdminService implements HttpService {
  private static final Logger LOG = LoggerFactory.getLogger(FaultAdminService.class);
  private static final int MAX_LATENCY_MS = 60_000;

  private final FaultInjector injector;

  public FaultAdminService(FaultInjector injector) {
    this.injector = injector;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/", this::show)
        .put("/", this::replace)
        .post("/", this::replace)
        .delete("/", this::clear);
  }

  private void show(ServerRequest request, ServerResponse response) {
    Json.ok(response, view(injector.plan()));
  }

  private void replace(ServerRequest request, ServerResponse response) {
    RequestBody body = Json.read(request);
    FaultPlan plan = new FaultPlan(
        body.has("errorRatio") ? body.requiredNumber("errorRatio", 0, 1) : 0,
        body.optionalInt("errorStatus", 500, 500, 599),
        Duration.ofMillis(body.optionalInt("latencyMs", 0, 0, MAX_LATENCY_MS)));
    injector.apply(plan);
    LOG.warn("fault injection set: errorRatio={} errorStatus={} latencyMs={}",
        plan.errorRatio(), plan.errorStatus(), plan.latency().toMillis());
    Json.ok(response, view(plan));
  }

  private void clear(ServerRequest request, ServerResponse response) {
    injector.apply(FaultPlan.NONE);
    LOG.warn("fault injection cleared");
    Json.ok(response, view(FaultPlan.NONE));
  }

  private static Map<String, Object> view(FaultPlan plan) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("errorRatio", plan.errorRatio());
    view.put("errorStatus", plan.errorStatus());
    view.put("latencyMs", plan.latency().toMillis());
    return view;
  }
}

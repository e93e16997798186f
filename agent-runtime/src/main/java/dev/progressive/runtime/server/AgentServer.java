package dev.progressive.runtime.server;

import dev.progressive.runtime.agents.Agent;
import dev.progressive.runtime.agents.AgentContext;
import dev.progressive.runtime.agents.Agents;
import dev.progressive.runtime.breaker.BreakerSettingsSource;
import dev.progressive.runtime.breaker.CircuitBreaker;
import dev.progressive.runtime.breaker.InboundBreakerFilter;
import dev.progressive.runtime.faults.FaultAdminService;
import dev.progressive.runtime.faults.FaultInjectionFilter;
import dev.progressive.runtime.faults.FaultInjector;
import dev.progressive.runtime.logging.JulBridge;
import dev.progressive.runtime.logging.LogContextFilter;
import dev.progressive.runtime.metrics.AgentMetrics;
import dev.progressive.runtime.metrics.MetricsService;
import dev.progressive.runtime.metrics.RequestMetrics;
import dev.progressive.runtime.metrics.RequestMetricsFilter;
import dev.progressive.runtime.tracing.AgentTracing;
import dev.progressive.runtime.tracing.ServerSpanFilter;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running agent: one Helidon server with the agent's API and the runtime's endpoints. Start it
 * with {@link #start(AgentConfig)}; {@link #close()} drains in-flight requests, then stops.
 */
public final class AgentServer implements AutoCloseable {
  private static final String API_BASE = "/api/v1";
  private static final Logger LOG = LoggerFactory.getLogger(AgentServer.class);
  private static final long MAX_BODY_BYTES = 1024 * 1024;

  private final AgentConfig config;
  private final WebServer webServer;
  private final Agent agent;
  private final Readiness readiness;
  private final InFlightRequests inFlight;
  private final BreakerSettingsSource breakerSettings;
  private final AgentTracing tracing;
  private final AgentMetrics metrics;
  private final AtomicBoolean closed = new AtomicBoolean();

  private AgentServer(AgentConfig config) {
    this.config = config;
    this.metrics = new AgentMetrics(config);
    this.tracing = AgentTracing.create(config);
    this.breakerSettings = new BreakerSettingsSource(config.breakerDefaults(), config.breakerFile(),
        config.timings().breakerFilePoll());
    Clock clock = Clock.systemUTC();
    this.agent = Agents.create(new AgentContext(config, metrics, tracing, breakerSettings, clock));
    this.readiness = new Readiness(agent::notReadyReason);
    this.inFlight = new InFlightRequests();
    CircuitBreaker inbound = new CircuitBreaker(InboundBreakerFilter.TARGET, breakerSettings::current, clock);
    metrics.healthStatus(config.version(), readiness::ready);
    metrics.activeConnections(inFlight::count);
    metrics.circuitBreakerState(inbound.target(), () -> inbound.state().gaugeValue());
    this.webServer = WebServer.builder()
        .host(config.host())
        .port(config.port())
        // Every request body is a small JSON object; anything near this size is a mistake or an attack.
        .maxPayloadSize(MAX_BODY_BYTES)
        // A /metrics answer spans several segments; without this each waits for the scraper's delayed ACK (~40 ms).
        .connectionOptions(options -> options.tcpNoDelay(true))
        // AgentMain owns the shutdown hook: it must drain before the server stops.
        .shutdownHook(false)
        .routing(routing -> routes(routing, inbound))
        .build();
  }

  /** Starts an agent and returns once it listens; with port 0 the system picks a free port. */
  public static AgentServer start(AgentConfig config) {
    JulBridge.install();
    AgentServer server = new AgentServer(config);
    try {
      server.webServer.start();
    } catch (RuntimeException e) {
      server.releaseResources();
      throw e;
    }
    LOG.info("{} agent {} listening on {}:{}", config.agentType().label(), config.agentId(),
        config.host(), server.port());
    return server;
  }

  private void routes(HttpRouting.Builder routing, CircuitBreaker inbound) {
    // Filter order matters: log fields first (every line carries them), then the in-flight count,
    // the span and the metrics, so that breaker rejections and injected faults are traced and counted.
    routing.addFilter(new LogContextFilter(config.agentType().label(), config.agentId()));
    routing.addFilter(ApiRoutes.of(API_BASE, agent));
    routing.addFilter(inFlight);
    if (config.instrumentationEnabled()) {
      routing.addFilter(new ServerSpanFilter(tracing, config.agentType().label(), config.agentId()));
      routing.addFilter(new RequestMetricsFilter(new RequestMetrics(metrics)));
    }
    routing.addFilter(new InboundBreakerFilter(inbound));
    routing.register("/health", new HealthService(readiness));
    routing.register("/metrics", new MetricsService(metrics));
    // A planned fault needs the filter, not the admin endpoint: a bad version stays bad unless asked otherwise.
    if (config.faultInjectionEnabled() || config.initialFaults().active()) {
      FaultInjector faults = new FaultInjector();
      faults.apply(config.initialFaults());
      if (config.initialFaults().active()) {
        LOG.warn("AGENT_FAULT_ERROR_RATIO: failing {} of API requests from the start", config.initialFaults().errorRatio());
      }
      routing.addFilter(new FaultInjectionFilter(faults));
      if (config.faultInjectionEnabled()) {
        routing.register("/admin/faults", new FaultAdminService(faults));
      }
    }
    routing.register(API_BASE, agent);
    routing.any(ApiScope.FALLBACK_PATTERN, (req, res) ->
        Json.error(res, Status.NOT_FOUND_404, "not_found", "no route for " + req.prologue().method().text()
            + " " + req.path().path()));
    ErrorResponses.register(routing);
  }

  public int port() {
    return webServer.port();
  }

  /** The base URI clients use, on loopback when the server listens on every interface. */
  public URI uri() {
    String host = "0.0.0.0".equals(config.host()) ? "127.0.0.1" : config.host();
    return URI.create("http://" + host + ":" + port());
  }

  public AgentConfig config() {
    return config;
  }

  public boolean ready() {
    return readiness.ready();
  }

  /**
   * Graceful shutdown: readiness turns false (so the agent gets no new traffic and
   * {@code agent_health_status} drops to 0), requests in flight finish, then the server stops.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    readiness.startDraining();
    LOG.info("draining {} in-flight requests", inFlight.count());
    try {
      if (!inFlight.awaitIdle(config.timings().drain())) {
        LOG.warn("stopping with {} requests still in flight after {}", inFlight.count(),
            config.timings().drain());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    webServer.stop();
    releaseResources();
    LOG.info("{} agent {} stopped", config.agentType().label(), config.agentId());
  }

  private void releaseResources() {
    agent.close();
    breakerSettings.close();
    tracing.close();
    metrics.close();
  }
}

package dev.progressive.bench.scrape;

import dev.progressive.bench.Machine;
import dev.progressive.bench.Percentiles;
import dev.progressive.runtime.agents.AgentType;
import dev.progressive.runtime.metrics.AgentMetrics;
import dev.progressive.runtime.metrics.MetricsService;
import dev.progressive.runtime.metrics.RequestMetrics;
import dev.progressive.runtime.server.AgentConfig;
import io.helidon.webserver.WebServer;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /metrics} of an agent whose registry holds about N series (default 10,000), against the same
 * agent's registry at its everyday size (the baseline). The runtime's own metrics classes are used
 * (AgentMetrics, RequestMetrics, MetricsService: what AgentServer wires); the series come from request
 * metrics recorded for many distinct endpoint, method and status labels, which real traffic cannot make
 * (endpoints are route templates). Usage: {@code ScrapeAtScale [--series N]}.
 */
public final class ScrapeAtScale {
  private static final int WARMUP_SCRAPES = 50;
  private static final int MEASURED_SCRAPES = 200;
  private static final double TARGET_MS = 50;
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE");
  private static final List<Integer> STATUSES = List.of(200, 400, 404, 500, 503);

  /** Latencies and the process's CPU time per scrape (client and server alike). */
  record Timed(Percentiles latency, double cpuMillis) {
    @Override
    public String toString() {
      return String.format("%s, CPU %.2f ms per scrape", latency, cpuMillis);
    }
  }

  record Scrapes(int series, int bytes, Timed http, Timed httpHelidonDefaults, Timed inProcess) {
  }

  private ScrapeAtScale() {}

  public static void main(String[] args) throws Exception {
    int target = args.length == 2 && args[0].equals("--series") ? Integer.parseInt(args[1]) : 10_000;
    System.out.println(Machine.describe());
    Scrapes everyday = measure(AgentConfig.builder(AgentType.NPA).agentId("npa-everyday").build(), 1);
    Scrapes large = measure(AgentConfig.builder(AgentType.NPA).agentId("npa-large").build(), target);
    System.out.printf("/metrics of an NPA agent's registry, %d scrapes after %d warm-up, over loopback HTTP and"
        + " as the in-process scrape() it serves%n", MEASURED_SCRAPES, WARMUP_SCRAPES);
    print("everyday (one route, one status)", everyday);
    print("large", large);
    System.out.printf("large/everyday: series x%.0f, HTTP p50 x%.1f, p99 x%.1f, CPU x%.1f; %.2f us CPU per series%n",
        large.series() / (double) everyday.series(), large.http().latency().p50() / everyday.http().latency().p50(),
        large.http().latency().p99() / everyday.http().latency().p99(),
        large.http().cpuMillis() / everyday.http().cpuMillis(), large.http().cpuMillis() * 1000 / large.series());
    System.out.printf("target: a scrape of 10,000 series under %.0f ms: HTTP p50 %.1f ms, p99 %.1f ms at %d series %s%n",
        TARGET_MS, large.http().latency().p50(), large.http().latency().p99(), large.series(),
        large.http().latency().p99() < TARGET_MS ? "(met)" : "(MISSED)");
  }

  private static Scrapes measure(AgentConfig config, int targetSeries) throws Exception {
    var metrics = new AgentMetrics(config);
    var requests = new RequestMetrics(metrics);
    requests.record("POST", "/api/v1/meal-plans", 200, TimeUnit.MILLISECONDS.toNanos(3));
    for (int endpoint = 0; series(metrics) < targetSeries; endpoint++) {
      recordEveryMethodAndStatus(requests, "/api/v1/bench-" + endpoint);
    }
    try {
      return new Scrapes(series(metrics), metrics.scrape().getBytes(StandardCharsets.UTF_8).length,
          timeOverHttp(metrics, true), timeOverHttp(metrics, false), time(metrics::scrape));
    } finally {
      metrics.close();
    }
  }

  /**
   * Served as AgentServer serves it (TCP_NODELAY), or with Helidon's defaults, where a response written in
   * several segments waits for the client's delayed ACK (Nagle's algorithm).
   */
  private static Timed timeOverHttp(AgentMetrics metrics, boolean tcpNoDelay) throws Exception {
    var server = WebServer.builder().host("127.0.0.1").port(0)
        .connectionOptions(options -> options.tcpNoDelay(tcpNoDelay))
        .routing(routing -> routing.register("/metrics", new MetricsService(metrics))).build().start();
    try {
      URL url = URI.create("http://127.0.0.1:" + server.port() + "/metrics").toURL();
      return time(() -> get(url));
    } finally {
      server.stop();
    }
  }

  /** A blocking GET on a kept-alive connection, as a Prometheus server scrapes; answers the body's size. */
  private static int get(URL url) throws IOException {
    var connection = (HttpURLConnection) url.openConnection();
    try (var in = connection.getInputStream()) {
      return in.readAllBytes().length;
    }
  }

  private static void recordEveryMethodAndStatus(RequestMetrics requests, String endpoint) {
    for (String method : METHODS) {
      for (int status : STATUSES) {
        requests.record(method, endpoint, status, TimeUnit.MILLISECONDS.toNanos(status % 97));
      }
    }
  }

  /** Samples in the exposition: the lines that are neither comments nor blank. */
  private static int series(AgentMetrics metrics) {
    return (int) metrics.scrape().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
  }

  private interface Scrape {
    void run() throws Exception;
  }

  private static Timed time(Scrape scrape) throws Exception {
    for (int i = 0; i < WARMUP_SCRAPES; i++) {
      scrape.run();
    }
    List<Double> millis = new ArrayList<>();
    // CPU time barely moves when other processes compete for the cores; latency does.
    long cpuBefore = processCpuNanos();
    for (int i = 0; i < MEASURED_SCRAPES; i++) {
      long start = System.nanoTime();
      scrape.run();
      millis.add((System.nanoTime() - start) / 1e6);
    }
    return new Timed(Percentiles.of(millis), (processCpuNanos() - cpuBefore) / 1e6 / MEASURED_SCRAPES);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void print(String name, Scrapes scrapes) {
    System.out.printf("%-34s %6d series, %8d bytes%n", name, scrapes.series(), scrapes.bytes());
    System.out.printf("  %-32s %s%n", "HTTP GET /metrics (TCP_NODELAY)", scrapes.http());
    System.out.printf("  %-32s %s%n", "same, Helidon's defaults", scrapes.httpHelidonDefaults());
    System.out.printf("  %-32s %s%n", "in-process scrape()", scrapes.inProcess());
  }
}

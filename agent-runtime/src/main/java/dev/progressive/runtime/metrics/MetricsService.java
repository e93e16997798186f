package dev.progressive.runtime.metrics;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /metrics} in the Prometheus text format. */
public final class MetricsService implements HttpService {
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private final AgentMetrics metrics;

  public MetricsService(AgentMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/", this::scrape);
  }

  private void scrape(ServerRequest request, ServerResponse response) {
    response.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
    response.send(metrics.scrape());
  }
}

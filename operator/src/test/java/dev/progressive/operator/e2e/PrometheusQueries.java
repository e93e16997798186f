package dev.progressive.operator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** Prometheus' HTTP API, for what the test checks: query results and the alerts' states. */
final class PrometheusQueries {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI prometheus;

  PrometheusQueries(URI prometheus) {
    this.prometheus = prometheus;
  }

  /** The instant vector's samples. */
  List<JsonNode> query(String promql) {
    return list(get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("data").path("result"));
  }

  /** When the alert's condition first held (its activeAt), while it is pending or firing. */
  Optional<Instant> activeSince(String alertName) {
    return list(get("/api/v1/alerts").path("data").path("alerts")).stream()
        .filter(alert -> alertName.equals(alert.path("labels").path("alertname").asText()))
        .map(alert -> Instant.parse(alert.path("activeAt").asText()))
        .min(Instant::compareTo);
  }

  private JsonNode get(String pathAndQuery) {
    try {
      var response = http.send(HttpRequest.newBuilder(prometheus.resolve(pathAndQuery)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}

package dev.progressive.operator.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads of Prometheus' HTTP API that tell whether an agent is monitored: its active scrape
 * targets and its rule groups, and instant queries (its SLO's recorded ratios). Parsed from the tree, field by field, so that what Prometheus 2.x and
 * 3.x add or leave out around these fields never breaks the read.
 */
public final class PrometheusApi {
  /** A Prometheus slower than this is as good as down: a reconcile must not wait on it. */
  public static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One active target: its labels after relabelling, its health, and when and how its last scrape went. */
  public record Target(Map<String, String> labels, boolean up, String lastError, Optional<Instant> lastScrape) {}

  /** One rule as evaluated: {@code health} is ok, err or unknown (not evaluated yet). */
  public record RuleState(String name, String health, String lastError, Optional<Instant> lastEvaluation) {}

  /** One loaded rule group; {@code interval} is its evaluation interval. */
  public record RuleGroupState(String name, Duration interval, Optional<Instant> lastEvaluation, List<RuleState> rules) {}

  /** One sample of an instant query's vector; NaN where a ratio had nothing to divide by. */
  public record Sample(Map<String, String> labels, double value) {}

  private final HttpClient http;

  public PrometheusApi(HttpClient http) {
    this.http = http;
  }

  public List<Target> activeTargets(URI prometheus, Optional<String> bearerToken) throws IOException, InterruptedException {
    return targets(get(prometheus, "/api/v1/targets?state=active", bearerToken));
  }

  public List<RuleGroupState> ruleGroups(URI prometheus, Optional<String> bearerToken) throws IOException, InterruptedException {
    return ruleGroups(get(prometheus, "/api/v1/rules", bearerToken));
  }

  /** An instant query: {@code /api/v1/query}. */
  public List<Sample> query(URI prometheus, String promql, Optional<String> bearerToken) throws IOException, InterruptedException {
    return samples(get(prometheus, "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8), bearerToken));
  }

  private String get(URI prometheus, String path, Optional<String> bearerToken) throws IOException, InterruptedException {
    var base = prometheus.toString().replaceAll("/+$", "");
    var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET();
    bearerToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered HTTP " + response.statusCode());
    }
    return response.body();
  }

  /** Parses an answer of /api/v1/targets. */
  public static List<Target> targets(String json) throws IOException {
    var targets = new ArrayList<Target>();
    for (var target : data(json).path("activeTargets")) {
      var labels = new LinkedHashMap<String, String>();
      target.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      targets.add(new Target(labels, "up".equals(target.path("health").asText()), target.path("lastError").asText(""),
          instant(target.path("lastScrape"))));
    }
    return targets;
  }

  /** Parses an answer of /api/v1/rules. */
  public static List<RuleGroupState> ruleGroups(String json) throws IOException {
    var groups = new ArrayList<RuleGroupState>();
    for (var group : data(json).path("groups")) {
      var rules = new ArrayList<RuleState>();
      for (var rule : group.path("rules")) {
        rules.add(new RuleState(rule.path("name").asText(), rule.path("health").asText("unknown"),
            rule.path("lastError").asText(""), instant(rule.path("lastEvaluation"))));
      }
      groups.add(new RuleGroupState(group.path("name").asText(),
          Duration.ofMillis(Math.round(group.path("interval").asDouble() * 1000)), instant(group.path("lastEvaluation")), rules));
    }
    return groups;
  }

  /** Parses an answer of /api/v1/query whose result is a vector. */
  public static List<Sample> samples(String json) throws IOException {
    var samples = new ArrayList<Sample>();
    for (var sample : data(json).path("result")) {
      var labels = new LinkedHashMap<String, String>();
      sample.path("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      // Prometheus writes the value as a string, so that NaN and ±Inf survive JSON.
      samples.add(new Sample(labels, Double.parseDouble(sample.path("value").path(1).asText("NaN"))));
    }
    return samples;
  }

  private static JsonNode data(String json) throws IOException {
    var answer = JSON.readTree(json);
    if (!"success".equals(answer.path("status").asText())) {
      throw new IOException("Prometheus answered " + answer.path("errorType").asText("an error") + ": "
          + answer.path("error").asText(json));
    }
    return answer.path("data");
  }

  /** Prometheus writes the zero time (year 1) for "never"; that is no instant. */
  private static Optional<Instant> instant(JsonNode node) {
    try {
      return Optional.of(node.asText("")).filter(text -> !text.isEmpty()).map(Instant::parse).filter(at -> at.getEpochSecond() > 0);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}

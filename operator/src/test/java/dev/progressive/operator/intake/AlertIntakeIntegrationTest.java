package dev.progressive.operator.intake;

import static dev.progressive.operator.intake.AlertmanagerBodies.alert;
import static dev.progressive.operator.intake.AlertmanagerBodies.firing;
import static dev.progressive.operator.intake.AlertmanagerBodies.labels;
import static dev.progressive.operator.intake.AlertmanagerBodies.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.progressive.operator.Crds;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.dev.DevCluster;
import dev.progressive.operator.monitoring.Heartbeat;
import dev.progressive.operator.server.OperatorHttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real Alertmanager bodies over HTTP to the operator's Helidon server, Incidents in the embedded API. */
class AlertIntakeIntegrationTest {
  private static final String TOKEN = "0P3n-s3same-for-alertmanager";
  private static final String INCIDENT_NAMESPACE = "incidents";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static DevCluster cluster;
  private static Operator operator;
  private static Path tokenFile;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  private PrometheusMeterRegistry registry;
  private OperatorHttpServer server;

  @BeforeAll
  static void startCluster() throws IOException {
    cluster = DevCluster.start();
    Crds.load().forEach(crd -> cluster.client().resource(crd).create());
    tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    // Never started: the server needs one for /readyz, these tests need only the intake.
    operator = new Operator(o -> o.withKubernetesClient(cluster.client()).withCloseClientOnStop(false));
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @BeforeEach
  void startServer() {
    server = serve(cluster.client(), settings(IntakeSettings.DEFAULT_BODY_LIMIT_BYTES));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void firingAlertCreatesOneIncidentWithTheAlertAsItsSpec() throws Exception {
    var body = firing("team-a");
    body.put("notification_reason", "new_alert").putObject("routeLabels").put("team", "sre");
    labels(body).put("agent_type", "mca");
    var fingerprint = alert(body).get("fingerprint").asText();

    var response = post(body);

    assertThat(response.statusCode()).isEqualTo(200);
    var name = "agenthigherrorrate-" + fingerprint + "-6b0b1c2c";
    assertThat(json(response).get("alerts")).singleElement().satisfies(alert -> {
      assertThat(alert.get("result").asText()).isEqualTo("created");
      assertThat(alert.get("namespace").asText()).isEqualTo("team-a");
      assertThat(alert.get("incidents").get(0).asText()).isEqualTo(name);
    });
    var incident = incidents("team-a", fingerprint).getFirst();
    assertThat(incident.getMetadata().getName()).isEqualTo(name);
    assertThat(incident.getMetadata().getLabels()).containsOnly(
        Map.entry(Incident.FINGERPRINT_LABEL, fingerprint),
        Map.entry(IncidentWriter.ALERTNAME_LABEL, "AgentHighErrorRate"));
    var spec = incident.getSpec();
    assertThat(spec.getAlertName()).isEqualTo("AgentHighErrorRate");
    assertThat(spec.getFingerprint()).isEqualTo(fingerprint);
    assertThat(spec.getSeverity()).isEqualTo("critical");
    assertThat(spec.getLabels()).containsOnlyKeys("alertname", "severity", "namespace", "agent_type");
    assertThat(spec.getAnnotations()).containsOnly(Map.entry("summary", "Agent 5xx ratio above 5%"));
    assertThat(spec.getStartsAt()).isEqualTo(AlertmanagerBodies.STARTS_AT);
    assertThat(spec.getGeneratorURL()).isEqualTo("http://127.0.0.1:9090/graph?g0.expr=...");
    assertThat(spec.getResolvedAt()).isNull();
  }

  @Test
  void heartbeatIsAnsweredWith200AndMakesNoIncident() throws Exception {
    var body = firing("team-heartbeat");
    labels(body).put("alertname", Heartbeat.ALERT).put("severity", "none");

    var response = post(body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("alerts")).singleElement()
        .satisfies(alert -> assertThat(alert.get("result").asText()).isEqualTo("heartbeat"));
    assertThat(incidents("team-heartbeat", fingerprint(body))).isEmpty();
  }

  @Test
  void alertWithoutANamespaceLabelGoesToTheIncidentNamespace() throws Exception {
    var body = firing("unused");
    labels(body).remove("namespace");

    assertThat(post(body).statusCode()).isEqualTo(200);
    assertThat(incidents(INCIDENT_NAMESPACE, fingerprint(body))).hasSize(1);
  }

  @Test
  void requestWithoutATokenIsUnauthorized() throws Exception {
    var body = firing("team-auth");

    var response = send(body.toString(), Optional.empty());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    assertThat(response.body()).isEqualTo("{\"error\":\"missing bearer token (Authorization: Bearer <token>)\"}");
    assertThat(incidents("team-auth", fingerprint(body))).isEmpty();
  }

  @Test
  void requestWithAWrongTokenIsUnauthorized() throws Exception {
    var body = firing("team-auth");

    var wrong = send(body.toString(), Optional.of("Bearer " + TOKEN + "x"));
    var basic = send(body.toString(), Optional.of("Basic " + TOKEN));

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo("{\"error\":\"invalid bearer token\"}");
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(basic.statusCode()).isEqualTo(401);
    assertThat(incidents("team-auth", fingerprint(body))).isEmpty();
  }

  @Test
  void malformedJsonIsABadRequest() throws Exception {
    var response = send("{\"version\":\"4\",\"alerts\":[", bearer());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response)).startsWith("body is not valid JSON");
  }

  @Test
  void anotherVersionIsABadRequestNamingTheVersion() throws Exception {
    var body = firing("team-v");
    body.put("version", "5");

    var response = post(body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\":\"version must be \\\"4\\\" (the Alertmanager webhook format), not \\\"5\\\"\"}");
  }

  @ParameterizedTest
  @CsvSource({
      "version,     version",
      "alerts,      alerts",
      "status,      alerts[0].status",
      "alertname,   alerts[0].labels.alertname",
      "fingerprint, alerts[0].fingerprint",
      "startsAt,    alerts[0].startsAt"})
  void eachMissingFieldIsABadRequestNamingIt(String field, String path) throws Exception {
    var body = firing("team-missing");
    var fingerprint = fingerprint(body);
    switch (field) {
      case "version", "alerts" -> body.remove(field);
      case "alertname" -> labels(body).remove(field);
      default -> alert(body).remove(field);
    }

    var response = post(body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\":\"" + path + " is required\"}");
    assertThat(incidents("team-missing", fingerprint)).isEmpty();
  }

  @Test
  void bodyOverTheLimitIsTooLargeWhetherItsLengthIsDeclaredOrNot() throws Exception {
    var body = firing("team-big");
    alert(body).putObject("annotations").put("description", "x".repeat(IntakeSettings.DEFAULT_BODY_LIMIT_BYTES));
    var bytes = body.toString().getBytes(StandardCharsets.UTF_8);

    var declared = send(BodyPublishers.ofByteArray(bytes), bearer());
    var streamed = send(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)), bearer());

    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.body()).isEqualTo("{\"error\":\"body larger than 1048576 bytes\"}");
    assertThat(streamed.statusCode()).isEqualTo(413);
    assertThat(incidents("team-big", fingerprint(body))).isEmpty();
  }

  @Test
  void bodyLimitIsAnOptionAndABodyOfExactlyTheLimitIsTaken() throws Exception {
    var body = firing("team-limit");
    var size = body.toString().getBytes(StandardCharsets.UTF_8).length;
    server.close();
    server = serve(cluster.client(), settings(size));

    assertThat(send(body + " ", bearer()).statusCode()).isEqualTo(413);
    assertThat(send(body.toString(), bearer()).statusCode()).isEqualTo(200);
    assertThat(incidents("team-limit", fingerprint(body))).hasSize(1);
  }

  @Test
  void theSameBodyPosted50TimesConcurrentlyGivesOneIncident() {
    var body = firing("team-storm");

    var responses = concurrently(IntStream.range(0, 50).mapToObj(i -> body).toList());

    assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
    assertThat(responses).extracting(response -> json(response).get("alerts").get(0).get("result").asText())
        .containsOnlyOnce("created")
        .containsOnly("created", "duplicate");
    assertThat(incidents("team-storm", fingerprint(body))).hasSize(1);
  }

  @Test
  void twoAlertmanagerPeersRoutingTheSameAlertGiveOneIncident() {
    var first = firing("team-peers");
    var second = first.deepCopy();
    second.put("receiver", "remediation").put("groupKey", "{}/{severity=\"critical\"}:{alertname=\"AgentHighErrorRate\"}");

    var responses = concurrently(List.of(first, second));

    assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
    assertThat(incidents("team-peers", fingerprint(first))).hasSize(1);
  }

  @Test
  void resolvedNotificationSetsResolvedAtOnItsIncident() throws Exception {
    var body = firing("team-resolve");
    post(body);

    var response = post(resolved(body, "2026-11-28T18:53:40.294Z"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("alerts").get(0).get("result").asText()).isEqualTo("resolved");
    assertThat(incidents("team-resolve", fingerprint(body))).singleElement()
        .satisfies(incident -> assertThat(incident.getSpec().getResolvedAt()).isEqualTo("2026-11-28T18:53:40.294Z"));
  }

  @Test
  void resolvedAlertWithoutAnIncidentIsAcceptedAndIgnored() throws Exception {
    var body = resolved(firing("team-unknown"), "2026-11-28T18:53:40.294Z");

    var response = post(body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("alerts").get(0).get("result").asText()).isEqualTo("ignored");
    assertThat(incidents("team-unknown", fingerprint(body))).isEmpty();
  }

  @Test
  void apiServerFailureAsksAlertmanagerToRetry() throws Exception {
    var stopped = DevCluster.start();
    var url = stopped.url();
    stopped.close();
    try (var unreachable = clientOf(url)) {
      server.close();
      server = serve(unreachable, settings(IntakeSettings.DEFAULT_BODY_LIMIT_BYTES));

      var response = post(firing("team-down"));

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(error(response)).startsWith("alerts[0]: the Kubernetes API is unavailable");
    }
  }

  @Test
  void withoutATokenFileTheIntakeIsDisabled() throws Exception {
    server.close();
    server = serve(cluster.client(), new IntakeSettings(Optional.empty(), INCIDENT_NAMESPACE, 1024));

    var response = post(firing("team-off"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("{\"error\":\"" + AlertIntake.DISABLED + "\"}");
  }

  @Test
  void badRequestsNeverLoseOrChangeAnEarlierIncident() throws Exception {
    var body = firing("team-keep");
    post(body);
    var before = incidents("team-keep", fingerprint(body)).getFirst();

    var changed = body.deepCopy();
    alert(changed).putObject("annotations").put("summary", "changed");
    var halfValid = changed.deepCopy();
    halfValid.withArray("alerts").add(alert(changed).deepCopy().put("status", "unknown"));
    var oversized = changed.deepCopy();
    alert(oversized).putObject("annotations").put("summary", "x".repeat(IntakeSettings.DEFAULT_BODY_LIMIT_BYTES));
    var resolvedInvalid = resolved(body, "2026-11-28T18:53:40Z");
    alert(resolvedInvalid).put("endsAt", "soon");

    assertThat(List.of(
        send(changed.toString(), Optional.empty()),
        send(resolved(body, "2026-11-28T18:53:40Z").toString(), Optional.of("Bearer wrong")),
        send("{\"version\":\"4\",\"alerts\":[{]}", bearer()),
        send(changed.put("version", "3").toString(), bearer()),
        post(halfValid),
        post(oversized),
        post(resolvedInvalid)))
        .extracting(HttpResponse::statusCode)
        .containsExactly(401, 401, 400, 400, 400, 413, 400);

    var after = incidents("team-keep", fingerprint(body));
    assertThat(after).singleElement().satisfies(incident -> {
      assertThat(incident.getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());
      assertThat(JSON.<JsonNode>valueToTree(incident.getSpec())).isEqualTo(JSON.valueToTree(before.getSpec()));
    });
  }

  @Test
  void metricsCountAlertsRefusalsAndLatencyWithHelpText() throws Exception {
    var body = firing("team-metrics");
    post(body);
    post(body);
    send(body.toString(), Optional.empty());
    post(resolved(body, "2026-11-28T18:53:40Z"));

    var scrape = http.send(HttpRequest.newBuilder(uri("/metrics")).build(), BodyHandlers.ofString()).body();

    assertThat(scrape)
        .contains("# HELP progressive_intake_alerts_total Alerts taken from Alertmanager notifications")
        .contains("progressive_intake_alerts_total{result=\"created\",status=\"firing\"} 1.0")
        .contains("progressive_intake_alerts_total{result=\"duplicate\",status=\"firing\"} 1.0")
        .contains("progressive_intake_alerts_total{result=\"resolved\",status=\"resolved\"} 1.0")
        .contains("progressive_intake_alerts_total{result=\"ignored\",status=\"resolved\"} 0.0")
        .contains("# HELP progressive_intake_rejected_total Alertmanager notifications refused")
        .contains("progressive_intake_rejected_total{code=\"401\"} 1.0")
        .contains("# HELP progressive_intake_duration_seconds Time to answer an Alertmanager notification")
        .contains("progressive_intake_duration_seconds_count{outcome=\"stored\"} 3")
        .contains("progressive_intake_duration_seconds_count{outcome=\"rejected\"} 1")
        .contains("progressive_intake_duration_seconds_bucket{outcome=\"stored\",le=\"10.0\"} 3");
  }

  private OperatorHttpServer serve(KubernetesClient client, IntakeSettings settings) {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return OperatorHttpServer.start("127.0.0.1", 0, operator, registry, AlertIntake.create(client, registry, settings));
  }

  private static IntakeSettings settings(int bodyLimit) {
    return new IntakeSettings(Optional.of(tokenFile), INCIDENT_NAMESPACE, bodyLimit);
  }

  /** A client that gives up at once, as an operator whose API server is gone would after its retries. */
  private static KubernetesClient clientOf(URI url) {
    Config config = new ConfigBuilder(Config.empty())
        .withMasterUrl(url.toString())
        .withRequestRetryBackoffLimit(0)
        .withConnectionTimeout(2_000)
        .withRequestTimeout(2_000)
        .build();
    return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new JdkHttpClientFactory()).build();
  }

  private HttpResponse<String> post(ObjectNode body) throws IOException, InterruptedException {
    return send(body.toString(), bearer());
  }

  private HttpResponse<String> send(String body, Optional<String> authorization) throws IOException, InterruptedException {
    return send(BodyPublishers.ofString(body), authorization);
  }

  private HttpResponse<String> send(BodyPublisher body, Optional<String> authorization) throws IOException, InterruptedException {
    return http.send(request(body, authorization), BodyHandlers.ofString());
  }

  private List<HttpResponse<String>> concurrently(List<ObjectNode> bodies) {
    var futures = bodies.stream()
        .map(body -> http.sendAsync(request(BodyPublishers.ofString(body.toString()), bearer()), BodyHandlers.ofString()))
        .toList();
    return futures.stream().map(CompletableFuture::join).toList();
  }

  private HttpRequest request(BodyPublisher body, Optional<String> authorization) {
    var request = HttpRequest.newBuilder(uri(AlertIntake.PATH))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .POST(body);
    authorization.ifPresent(value -> request.header("Authorization", value));
    return request.build();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static Optional<String> bearer() {
    return Optional.of("Bearer " + TOKEN);
  }

  private static List<Incident> incidents(String namespace, String fingerprint) {
    return cluster.client().resources(Incident.class).inNamespace(namespace)
        .withLabel(Incident.FINGERPRINT_LABEL, fingerprint).list().getItems();
  }

  private static String fingerprint(ObjectNode body) {
    return alert(body).get("fingerprint").asText();
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  private static String error(HttpResponse<String> response) {
    return json(response).get("error").asText();
  }
}

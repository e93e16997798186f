package dev.progressive.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrometheusApiTest {
  @ParameterizedTest
  @EnumSource(PrometheusAnswers.class)
  void readsTheActiveTargetsWithTheirHealthLastErrorAndLastScrape(PrometheusAnswers answers) throws IOException {
    var targets = answers.targetsOneDown();

    assertThat(targets).hasSize(2);
    var up = targets.get(0);
    assertThat(up.up()).isTrue();
    assertThat(up.labels()).containsEntry("namespace", "team-a").containsEntry("pod", "npa-7d9f-a").containsEntry("job", "npa");
    assertThat(up.lastError()).isEmpty();
    assertThat(up.lastScrape()).contains(Instant.parse("2026-12-02T09:57:00.099708042Z"));
    var down = targets.get(1);
    assertThat(down.up()).isFalse();
    assertThat(down.lastError()).endsWith("connect: connection refused");
  }

  @ParameterizedTest
  @EnumSource(PrometheusAnswers.class)
  void readsTheRuleGroupsWithTheirIntervalAndEachRulesHealth(PrometheusAnswers answers) throws IOException {
    var group = answers.rulesWithFailingRule().get(0);

    assertThat(group.name()).isEqualTo("team-a.agent.npa.rules");
    assertThat(group.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(group.lastEvaluation()).isPresent();
    assertThat(group.rules()).extracting(PrometheusApi.RuleState::name).containsExactly("NPAAgentDown", "npa:broken");
    assertThat(group.rules().get(0).health()).isEqualTo("ok");
    var broken = group.rules().get(1);
    assertThat(broken.health()).isEqualTo("err");
    assertThat(broken.lastError()).contains("many-to-many matching not allowed");
  }

  @Test
  void aGroupNotEvaluatedYetHasNoLastEvaluation() throws IOException {
    var groups = PrometheusApi.ruleGroups("""
        {"status":"success","data":{"groups":[{"name":"g","file":"f","rules":[{"name":"r","query":"up","health":"unknown",
        "lastEvaluation":"0001-01-01T00:00:00Z","type":"recording"}],"interval":30,"lastEvaluation":"0001-01-01T00:00:00Z"}]}}
        """);

    assertThat(groups.get(0).lastEvaluation()).isEmpty();
    assertThat(groups.get(0).rules().get(0).lastEvaluation()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(PrometheusAnswers.class)
  void readsAnInstantVectorWithNaNWhereARatioHadNothingToDivide(PrometheusAnswers answers) throws IOException {
    var samples = answers.sloErrorRatios();

    assertThat(samples).hasSize(4);
    assertThat(samples.get(0).labels()).containsEntry("__name__", "slo:agent_request_errors:ratio_rate1h")
        .containsEntry("slo", "team-a-npa");
    assertThat(samples.get(0).value()).isEqualTo(0.0005);
    assertThat(samples.get(1).value()).isNaN();
  }

  @Test
  void anErrorAnswerIsAFailureNamingPrometheusError() {
    assertThatThrownBy(() -> PrometheusApi.targets("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid state\"}"))
        .isInstanceOf(IOException.class).hasMessage("Prometheus answered bad_data: invalid state");
  }

  @ParameterizedTest
  @EnumSource(PrometheusAnswers.class)
  void everyAgentSharesOneReadOfEachQueryPerInterval(PrometheusAnswers answers) throws IOException {
    var queries = new AtomicInteger();
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/targets", exchange -> answer(exchange, answers.targetsOneDownResource(), queries));
    server.createContext("/api/v1/rules", exchange -> answer(exchange, answers.rulesWithFailingRuleResource(), queries));
    server.createContext("/api/v1/query", exchange -> answer(exchange, answers.sloErrorRatiosResource(), queries));
    server.start();
    try {
      var snapshots = new PrometheusSnapshots(null, Duration.ofMinutes(1), Clock.systemUTC());
      var endpoint = new PrometheusSnapshots.Endpoint("http://127.0.0.1:" + server.getAddress().getPort(), Optional.empty());

      var first = snapshots.of(endpoint);
      var second = snapshots.of(endpoint);

      assertThat(first.failure()).isEmpty();
      assertThat(first.targets()).hasSize(2);
      assertThat(second).isSameAs(first);
      assertThat(first.sloErrorRatios()).hasSize(4);
      assertThat(queries).hasValue(3);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aPrometheusThatIsDownGivesASnapshotSayingWhyNotAnException() throws IOException {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var url = "http://127.0.0.1:" + closedPort;

    var snapshot = new PrometheusSnapshots(null, Duration.ofMinutes(1), Clock.systemUTC())
        .of(new PrometheusSnapshots.Endpoint(url, Optional.empty()));

    assertThat(snapshot.failure()).contains("cannot connect (refused, or the host is unknown or unreachable)");
    assertThat(snapshot.targets()).isEmpty();
    assertThat(snapshot.url()).isEqualTo(url);
  }

  @Test
  void aUrlThatIsNoUriIsThatPrometheusProblem() {
    var snapshot = new PrometheusSnapshots(null, Duration.ofMinutes(1), Clock.systemUTC())
        .of(new PrometheusSnapshots.Endpoint("http://prometheus|monitoring:9090", Optional.empty()));

    assertThat(snapshot.failure()).hasValueSatisfying(failure -> assertThat(failure).contains("Illegal character"));
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, String resource, AtomicInteger queries)
      throws IOException {
    queries.incrementAndGet();
    var body = PrometheusAnswers.text(resource).getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}

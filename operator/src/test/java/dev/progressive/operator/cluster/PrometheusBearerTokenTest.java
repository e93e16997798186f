package dev.progressive.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.progressive.operator.cluster.PrometheusSnapshots.Endpoint;
import dev.progressive.operator.cluster.PrometheusSnapshots.TokenSecret;
import dev.progressive.operator.dev.DevCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A Prometheus behind a bearer token, the token in a Secret of the stack's namespace. */
class PrometheusBearerTokenTest {
  private static DevCluster cluster;
  private static HttpServer prometheus;

  @BeforeAll
  static void start() throws IOException {
    cluster = DevCluster.start();
    cluster.client().resource(new NamespaceBuilder().withNewMetadata().withName("team-a").endMetadata().build()).create();
    cluster.client().resource(new SecretBuilder().withNewMetadata().withName("prometheus-token").withNamespace("team-a").endMetadata()
        .addToData("token", Base64.getEncoder().encodeToString("s3cret\n".getBytes(StandardCharsets.UTF_8))).build()).create();
    prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    prometheus.createContext("/", exchange -> {
      var authorized = "Bearer s3cret".equals(exchange.getRequestHeaders().getFirst("Authorization"));
      var path = exchange.getRequestURI().getPath();
      var answer = path.endsWith("rules") ? PrometheusAnswers.V2_42.rulesWithFailingRuleResource()
          : path.endsWith("query") ? PrometheusAnswers.V2_42.sloErrorRatiosResource() : PrometheusAnswers.V2_42.targetsOneDownResource();
      var body = (authorized ? PrometheusAnswers.text(answer) : "unauthorized").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(authorized ? 200 : 401, body.length);
      try (var out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    prometheus.start();
  }

  @AfterAll
  static void stop() {
    prometheus.stop(0);
    cluster.close();
  }

  @Test
  void theTokenFromTheSecretIsSent() {
    var snapshot = snapshot(Optional.of(new TokenSecret("team-a", "prometheus-token", "token")));

    assertThat(snapshot.failure()).isEmpty();
    assertThat(snapshot.targets()).hasSize(2);
  }

  @Test
  void withoutTheTokenPrometheusRefusesAndTheSnapshotSaysSo() {
    assertThat(snapshot(Optional.empty()).failure()).contains("GET /api/v1/targets?state=active answered HTTP 401");
  }

  @Test
  void aMissingKeyIsNamed() {
    assertThat(snapshot(Optional.of(new TokenSecret("team-a", "prometheus-token", "bearer"))).failure())
        .contains("the bearer token: Secret team-a/prometheus-token has no key bearer");
  }

  private static PrometheusSnapshot snapshot(Optional<TokenSecret> token) {
    var url = "http://127.0.0.1:" + prometheus.getAddress().getPort();
    return new PrometheusSnapshots(cluster.client(), Duration.ofMinutes(1), Clock.systemUTC()).of(new Endpoint(url, token));
  }
}

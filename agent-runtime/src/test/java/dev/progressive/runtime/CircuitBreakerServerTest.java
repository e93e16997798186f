package dev.progressive.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.runtime.agents.AgentType;
import dev.progressive.runtime.breaker.BreakerSettings;
import dev.progressive.runtime.server.AgentServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The breakers on real servers: the agent's own, MCA's per upstream, and the live file. */
class CircuitBreakerServerTest {
  private static final String PLAN = "{\"calorieTarget\": 2000}";
  private static final String ROUTE = "{\"task\": \"meal_plan\", \"payload\": " + PLAN + "}";

  @TempDir
  Path dir;
  private AgentServer npa;
  private AgentServer mca;

  @AfterEach
  void stop() {
    if (mca != null) {
      mca.close();
    }
    npa.close();
  }

  @Test
  void inboundBreakerOpensAfterThresholdFailuresAndAnswers503AtOnce() {
    npa = AgentServer.start(TestAgents.config(AgentType.NPA).faultInjectionEnabled(true)
        .breakerDefaults(new BreakerSettings(true, 3, false, Duration.ofSeconds(60))).build());
    Http.put(npa.uri(), "/admin/faults", "{\"errorRatio\": 1.0}");

    for (int i = 0; i < 3; i++) {
      assertThat(Http.post(npa.uri(), "/api/v1/meal-plans", PLAN).status()).isEqualTo(500);
    }
    Http.Reply rejected = Http.post(npa.uri(), "/api/v1/meal-plans", PLAN);

    assertThat(rejected.status()).isEqualTo(503);
    assertThat(rejected.json().path("error").asText()).isEqualTo("circuit_breaker_open");
    assertThat(rejected.json().path("target").asText()).isEqualTo("inbound");
    assertThat(rejected.json().path("message").asText()).contains("circuit breaker for inbound is open");
    assertThat(rejected.headers().firstValue("Retry-After")).isPresent();
    Scrape scrape = Scrape.of(npa.uri());
    assertThat(scrape.value("agent_circuit_breaker_state", Map.of("target", "inbound"))).isEqualTo(1);
    assertThat(scrape.value("agent_requests_total", Map.of("status_code", "503"))).isEqualTo(1);
    // Probes are not behind the breaker: the agent stays visible while it sheds load.
    assertThat(Http.get(npa.uri(), "/health/live").status()).isEqualTo(200);
  }

  @Test
  void aChangeToTheBreakerFileTakesEffectWithoutRestart() throws IOException {
    Path file = dir.resolve("circuit-breaker.properties");
    Files.writeString(file, "enabled=false\n");
    npa = AgentServer.start(TestAgents.config(AgentType.NPA).breakerFile(file).build());
    assertThat(Http.post(npa.uri(), "/api/v1/meal-plans", PLAN).status()).isEqualTo(200);

    Files.writeString(file, "enabled=true\nopen=true\n");

    await().until(() -> Http.post(npa.uri(), "/api/v1/meal-plans", PLAN).status() == 503);
    assertThat(Scrape.of(npa.uri()).value("agent_circuit_breaker_state", Map.of("target", "inbound"))).isEqualTo(1);

    Files.writeString(file, "enabled: true\nopen: false\n");

    await().until(() -> Http.post(npa.uri(), "/api/v1/meal-plans", PLAN).status() == 200);
    assertThat(Scrape.of(npa.uri()).value("agent_circuit_breaker_state", Map.of("target", "inbound"))).isZero();
  }

  @Test
  void aForcedOpenFileOpensEveryMcaUpstreamBreaker() throws IOException {
    Path file = dir.resolve("breaker.yaml");
    Files.writeString(file, "open: false\n");
    npa = TestAgents.start(AgentType.NPA);
    mca = AgentServer.start(TestAgents.config(AgentType.MCA).breakerFile(file)
        .upstreams(TestAgents.upstreams(npa)).build());
    await().until(mca::ready);

    Files.writeString(file, "open: true\n");

    await().until(() -> Http.post(mca.uri(), "/api/v1/route", ROUTE).status() == 503);
    assertThat(Scrape.of(mca.uri()).value("agent_circuit_breaker_state", Map.of("target", "npa"))).isEqualTo(1);
  }

  @Test
  void mcaStopsCallingAnUpstreamWhoseBreakerOpened() {
    npa = AgentServer.start(TestAgents.config(AgentType.NPA).faultInjectionEnabled(true).build());
    Http.put(npa.uri(), "/admin/faults", "{\"errorRatio\": 1.0}");
    mca = AgentServer.start(TestAgents.config(AgentType.MCA)
        .breakerDefaults(new BreakerSettings(true, 2, false, Duration.ofSeconds(60)))
        .upstreams(TestAgents.upstreams(npa)).build());

    assertThat(Http.post(mca.uri(), "/api/v1/route", ROUTE).status()).isEqualTo(502);
    assertThat(Http.post(mca.uri(), "/api/v1/route", ROUTE).status()).isEqualTo(502);
    Http.Reply rejected = Http.post(mca.uri(), "/api/v1/route", ROUTE);

    assertThat(rejected.status()).isEqualTo(503);
    assertThat(rejected.json().path("error").asText()).isEqualTo("circuit_breaker_open");
    assertThat(rejected.json().path("target").asText()).isEqualTo("npa");
    assertThat(rejected.headers().firstValue("Retry-After")).isPresent();
    // NPA saw the two failing calls and nothing after the breaker opened.
    assertThat(Scrape.of(npa.uri()).value("agent_requests_total", Map.of("status_code", "500"))).isEqualTo(2);
    Scrape mcaScrape = Scrape.of(mca.uri());
    assertThat(mcaScrape.value("agent_circuit_breaker_state", Map.of("target", "npa"))).isEqualTo(1);
    assertThat(mcaScrape.value("mca_system_errors_total", Map.of("error_type", "circuit_open"))).isEqualTo(1);
    assertThat(mcaScrape.value("mca_routing_decisions_total", Map.of("success", "false"))).isEqualTo(2);
  }
}

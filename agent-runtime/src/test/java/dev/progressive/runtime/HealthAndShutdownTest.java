package dev.progressive.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.progressive.runtime.agents.AgentType;
import dev.progressive.runtime.agents.mca.Upstream;
import dev.progressive.runtime.server.AgentServer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HealthAndShutdownTest {

  @Test
  void aStartedAgentIsLiveAndReady() {
    try (AgentServer npa = TestAgents.start(AgentType.NPA)) {
      assertThat(Http.get(npa.uri(), "/health/live").json().path("status").asText()).isEqualTo("UP");
      assertThat(Http.get(npa.uri(), "/health/ready").status()).isEqualTo(200);
      assertThat(Scrape.of(npa.uri()).value("agent_health_status", Map.of("version", "5.0.0"))).isEqualTo(1);
    }
  }

  @Test
  void mcaIsNotReadyWhileARequiredUpstreamIsDown() {
    AgentServer npa = TestAgents.start(AgentType.NPA);
    try (AgentServer mca = AgentServer.start(TestAgents.config(AgentType.MCA)
        .upstreams(TestAgents.upstreams(npa)).build())) {
      await().until(() -> Http.get(mca.uri(), "/health/ready").status() == 200);

      npa.close();

      await().until(() -> Http.get(mca.uri(), "/health/ready").status() == 503);
      Http.Reply ready = Http.get(mca.uri(), "/health/ready");
      assertThat(ready.json().path("reason").asText()).isEqualTo("upstreams not ready: npa");
      assertThat(Scrape.of(mca.uri()).value("agent_health_status", Map.of())).isZero();
      assertThat(Http.get(mca.uri(), "/health/live").status()).as("alive, only not ready").isEqualTo(200);
    }
  }

  @Test
  void mcaFailsOverToAnotherUpstreamOfTheSameType() {
    try (AgentServer npa = TestAgents.start(AgentType.NPA);
         AgentServer mca = AgentServer.start(TestAgents.config(AgentType.MCA)
             .upstreams(List.of(Upstream.of("npa-a", TestAgents.deadUrl()), Upstream.of("npa-b", npa.uri().toString())))
             .build())) {
      // Both are tried in turn until the probe has marked npa-a as down; either way the answer comes from npa-b.
      for (int i = 0; i < 3; i++) {
        Http.Reply reply = Http.post(mca.uri(), "/api/v1/route",
            "{\"task\": \"calories\", \"payload\": {\"weightKg\": 80, \"heightCm\": 180, \"age\": 35, \"sex\": \"male\"}}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("routedTo").asText()).isEqualTo("npa-b");
      }
      assertThat(Scrape.of(mca.uri()).value("mca_agent_load_balance", Map.of("target_agent", "npa-b")))
          .isGreaterThan(0.5);
    }
  }

  @Test
  void shutdownTurnsUnreadyAndDrainsInFlightRequests() {
    AgentServer npa = AgentServer.start(TestAgents.config(AgentType.NPA).faultInjectionEnabled(true).build());
    URI uri = npa.uri();
    Http.put(uri, "/admin/faults", "{\"latencyMs\": 1500}");
    CompletableFuture<Http.Reply> slow = CompletableFuture.supplyAsync(
        () -> Http.post(uri, "/api/v1/meal-plans", "{\"calorieTarget\": 2000}"));
    await().until(() -> Scrape.of(uri).value("agent_active_connections", Map.of()) == 1);

    CompletableFuture<Void> closing = CompletableFuture.runAsync(npa::close);

    await().until(() -> Http.get(uri, "/health/ready").status() == 503);
    assertThat(Http.get(uri, "/health/ready").json().path("reason").asText()).isEqualTo("draining");
    assertThat(Scrape.of(uri).value("agent_health_status", Map.of())).isZero();
    assertThat(closing).isNotDone();
    assertThat(slow.join().status()).isEqualTo(200);
    closing.join();
    assertThatThrownBy(() -> Http.get(uri, "/health/live")).isInstanceOf(UncheckedIOException.class);
  }
}

package dev.progressive.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.runtime.agents.AgentType;
import dev.progressive.runtime.faults.FaultPlan;
import dev.progressive.runtime.server.AgentServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  private static final String PLAN = "{\"calorieTarget\": 2000}";
  private AgentServer npa;

  @AfterEach
  void stop() {
    npa.close();
  }

  @Test
  void producesExactlyTheConfiguredErrorRatio() {
    npa = AgentServer.start(TestAgents.config(AgentType.NPA).faultInjectionEnabled(true).build());
    Http.Reply set = Http.put(npa.uri(), "/admin/faults", "{\"errorRatio\": 0.25}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().path("errorRatio").asDouble()).isEqualTo(0.25);

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      statuses.add(Http.post(npa.uri(), "/api/v1/meal-plans", PLAN).status());
    }

    assertThat(statuses).filteredOn(s -> s == 500).hasSize(10);
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(30);
    Scrape scrape = Scrape.of(npa.uri());
    // Labelled with the route, though the fault answers before routing: the meal-plan alert selects on it.
    assertThat(scrape.value("agent_requests_total", Map.of("status_code", "500", "endpoint", "/api/v1/meal-plans")))
        .isEqualTo(10);
    assertThat(scrape.value("agent_requests_total", Map.of("status_code", "200"))).isEqualTo(30);
  }

  @Test
  void injectedErrorsSayWhatTheyAreAndCanUseAnotherStatus() {
    npa = AgentServer.start(TestAgents.config(AgentType.NPA).faultInjectionEnabled(true).build());
    Http.post(npa.uri(), "/admin/faults", "{\"errorRatio\": 1, \"errorStatus\": 503}");

    Http.Reply reply = Http.post(npa.uri(), "/api/v1/meal-plans", PLAN);

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.json().path("error").asText()).isEqualTo("injected_fault");
    assertThat(Http.get(npa.uri(), "/health/ready").status()).as("probes are never faulted").isEqualTo(200);
  }

  @Test
  void addsLatencyUntilCleared() {
    npa = AgentServer.start(TestAgents.config(AgentType.NPA).faultInjectionEnabled(true).build());
    Http.put(npa.uri(), "/admin/faults", "{\"latencyMs\": 600}");

    assertThat(Http.post(npa.uri(), "/api/v1/meal-plans", PLAN).status()).isEqualTo(200);
    // The slow request lands above the 0.5 s alert bucket.
    Map<String, String> ok = Map.of("status_code", "200", "le", "0.5");
    assertThat(Scrape.of(npa.uri()).value("agent_request_duration_seconds_bucket", ok)).isZero();

    assertThat(Http.delete(npa.uri(), "/admin/faults").json().path("latencyMs").asLong()).isZero();
    assertThat(Http.get(npa.uri(), "/admin/faults").json().path("errorRatio").asDouble()).isZero();
    Http.post(npa.uri(), "/api/v1/meal-plans", PLAN);
    assertThat(Scrape.of(npa.uri()).value("agent_request_duration_seconds_bucket", ok)).isEqualTo(1);
  }

  @Test
  void rejectsAnInvalidPlanNamingTheField() {
    npa = AgentServer.start(TestAgents.config(AgentType.NPA).faultInjectionEnabled(true).build());

    Http.Reply reply = Http.put(npa.uri(), "/admin/faults", "{\"errorRatio\": 2}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("field").asText()).isEqualTo("errorRatio");
  }

  @Test
  void theAdminEndpointDoesNotExistUnlessEnabled() {
    npa = TestAgents.start(AgentType.NPA);

    assertThat(Http.put(npa.uri(), "/admin/faults", "{\"errorRatio\": 1}").status()).isEqualTo(404);
    assertThat(Http.post(npa.uri(), "/api/v1/meal-plans", PLAN).status()).isEqualTo(200);
  }

  @Test
  void anInitialFaultPlanFailsItsShareFromTheFirstRequestWithoutTheAdminEndpoint() {
    npa = AgentServer.start(TestAgents.config(AgentType.NPA)
        .initialFaults(new FaultPlan(0.5, 500, Duration.ZERO)).build());

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      statuses.add(Http.post(npa.uri(), "/api/v1/meal-plans", PLAN).status());
    }

    assertThat(statuses).filteredOn(s -> s == 500).hasSize(5);
    assertThat(Http.get(npa.uri(), "/admin/faults").status()).isEqualTo(404);
  }
}

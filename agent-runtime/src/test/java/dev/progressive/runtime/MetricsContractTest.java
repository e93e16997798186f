package dev.progressive.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.runtime.agents.AgentType;
import dev.progressive.runtime.agents.mca.Upstream;
import dev.progressive.runtime.server.AgentServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After traffic, every agent's {@code /metrics} holds the metric contract of design.md with the
 * right label names, and {@code promtool check metrics} accepts the real scrape.
 */
class MetricsContractTest {
  private static final Set<String> AGENT = Set.of("agent_type", "agent_id");
  private static final Set<String> REQUEST = Set.of("agent_type", "agent_id", "method", "endpoint", "status_code");

  private static AgentServer npa;
  private static AgentServer wpa;
  private static AgentServer bma;
  private static AgentServer rpa;
  private static AgentServer mca;

  @BeforeAll
  static void startFleetAndDriveTraffic() {
    npa = TestAgents.start(AgentType.NPA);
    wpa = TestAgents.start(AgentType.WPA);
    bma = TestAgents.start(AgentType.BMA);
    rpa = TestAgents.start(AgentType.RPA);
    // One upstream that is down, so that the MCA's error metrics have something to count.
    List<Upstream> upstreams = new ArrayList<>(TestAgents.upstreams(npa, wpa, bma));
    upstreams.add(Upstream.of("rpa", TestAgents.deadUrl()));
    mca = AgentServer.start(TestAgents.config(AgentType.MCA).upstreams(upstreams).build());
    await().until(() -> Http.get(mca.uri(), "/api/v1/agents").json().findValues("ready").stream()
        .noneMatch(n -> n.isNull()));

    Http.post(npa.uri(), "/api/v1/meal-plans", "{\"calorieTarget\": 2000, \"restrictions\": [\"vegetarian\"]}");
    Http.post(npa.uri(), "/api/v1/meal-plans", "{\"calorieTarget\": 1}");
    Http.post(npa.uri(), "/api/v1/calories", "{\"weightKg\": 60, \"heightCm\": 165, \"age\": 40, \"sex\": \"female\"}");
    Http.post(npa.uri(), "/api/v1/feedback", "{\"planCategory\": \"daily\", \"score\": 4}");
    Http.post(wpa.uri(), "/api/v1/workout-plans", "{\"fitnessLevel\": \"advanced\", \"equipment\": [\"barbell\"]}");
    Http.post(wpa.uri(), "/api/v1/workout-completions", "{\"planType\": \"general\", \"completed\": true}");
    Http.post(bma.uri(), "/api/v1/budgets", "{\"monthlyIncome\": 3000, \"period\": \"weekly\"}");
    Http.post(bma.uri(), "/api/v1/expense-analyses",
        "{\"monthlyIncome\": 3000, \"expenses\": [{\"category\": \"shopping\", \"amount\": 400}]}");
    Http.post(rpa.uri(), "/api/v1/reports", "{\"sections\": {\"nutrition\": {\"days\": []}}}");
    Http.post(mca.uri(), "/api/v1/coordinate",
        "{\"nutrition\": {\"calorieTarget\": 2000}, \"workout\": {\"fitnessLevel\": \"beginner\"}}");
    Http.post(mca.uri(), "/api/v1/route", "{\"task\": \"budget\", \"payload\": {\"monthlyIncome\": 100}}");
  }

  @AfterAll
  static void stopFleet() {
    Stream.of(mca, npa, wpa, bma, rpa).forEach(AgentServer::close);
  }

  @Test
  void everyAgentExportsTheSharedMetrics() {
    for (AgentServer agent : List.of(npa, wpa, bma, rpa, mca)) {
      Scrape scrape = Scrape.of(agent.uri());
      String type = agent.config().agentType().label();
      assertLabels(scrape, "agent_requests_total", REQUEST);
      assertLabels(scrape, "agent_request_duration_seconds_bucket", union(REQUEST, Set.of("le")));
      assertLabels(scrape, "agent_request_duration_seconds_count", REQUEST);
      assertLabels(scrape, "agent_request_duration_seconds_sum", REQUEST);
      assertLabels(scrape, "agent_health_status", union(AGENT, Set.of("version")));
      assertLabels(scrape, "agent_active_connections", AGENT);
      assertLabels(scrape, "agent_circuit_breaker_state", union(AGENT, Set.of("target")));
      assertThat(scrape.named("process_resident_memory_bytes")).singleElement()
          .satisfies(s -> assertThat(s.value()).isPositive());
      assertThat(scrape.named("process_cpu_seconds_total")).singleElement()
          .satisfies(s -> assertThat(s.value()).isPositive());
      assertThat(scrape.named("jvm_memory_used_bytes")).isNotEmpty();
      assertThat(scrape.named("jvm_threads_live_threads")).isNotEmpty();
      assertThat(scrape.named("agent_requests_total"))
          .allSatisfy(s -> assertThat(s.labels()).containsEntry("agent_type", type));
    }
  }

  @Test
  void histogramBucketsIncludeTheAlertThresholds() {
    Scrape scrape = Scrape.of(npa.uri());
    Set<String> bounds = new TreeSet<>();
    scrape.named("agent_request_duration_seconds_bucket").forEach(s -> bounds.add(s.labels().get("le")));
    assertThat(bounds).contains("0.005", "0.1", "0.25", "0.5", "1.0", "2.0", "2.5", "5.0", "10.0", "+Inf");
  }

  @Test
  void endpointIsTheRouteTemplateAndStatusCodesAreSeparate() {
    Scrape scrape = Scrape.of(npa.uri());
    // One meal plan asked directly, one through the MCA's coordination.
    assertThat(scrape.value("agent_requests_total",
        Map.of("endpoint", "/api/v1/meal-plans", "method", "POST", "status_code", "200"))).isEqualTo(2);
    assertThat(scrape.value("agent_requests_total",
        Map.of("endpoint", "/api/v1/meal-plans", "method", "POST", "status_code", "400"))).isEqualTo(1);
    // Probes and scrapes are not API traffic.
    assertThat(scrape.named("agent_requests_total")).noneMatch(s -> s.labels().get("endpoint").contains("metrics"));
  }

  /** Business metrics carry the seed's labels (minus user_id), as the contract lists them. */
  @Test
  void businessMetricsUseTheSeedNamesWithoutUserLabels() {
    assertLabels(Scrape.of(npa.uri()), "npa_meal_plans_generated_total", Set.of("plan_type", "dietary_restrictions"));
    assertLabels(Scrape.of(npa.uri()), "npa_nutrition_api_calls_total", Set.of("api_provider", "status"));
    assertLabels(Scrape.of(npa.uri()), "npa_calorie_calculations_total", Set.of("calculation_type"));
    assertLabels(Scrape.of(npa.uri()), "npa_user_satisfaction_score", Set.of("plan_category"));
    assertLabels(Scrape.of(wpa.uri()), "wpa_workout_plans_generated_total",
        Set.of("plan_type", "fitness_level", "equipment"));
    assertLabels(Scrape.of(wpa.uri()), "wpa_exercise_recommendations_total", Set.of("muscle_group", "difficulty"));
    assertLabels(Scrape.of(wpa.uri()), "wpa_fitness_api_calls_total", Set.of("api_provider", "status"));
    assertLabels(Scrape.of(wpa.uri()), "wpa_workout_completion_rate", Set.of("plan_type"));
    assertLabels(Scrape.of(bma.uri()), "bma_budgets_created_total", Set.of("budget_type", "period"));
    assertLabels(Scrape.of(bma.uri()), "bma_expense_analyses_total", Set.of("analysis_type"));
    assertLabels(Scrape.of(bma.uri()), "bma_savings_identified_dollars", Set.of("category"));
    assertLabels(Scrape.of(bma.uri()), "bma_budget_compliance_percentage", Set.of("category"));
    assertLabels(Scrape.of(rpa.uri()), "rpa_reports_generated_total", Set.of("report_type"));
    Scrape mcaScrape = Scrape.of(mca.uri());
    assertLabels(mcaScrape, "mca_routing_decisions_total", Set.of("strategy", "target_agent", "success"));
    assertLabels(mcaScrape, "mca_agent_load_balance", Set.of("target_agent"));
    assertLabels(mcaScrape, "mca_coordination_latency_seconds_bucket", Set.of("coordination_type", "le"));
    assertLabels(mcaScrape, "mca_system_errors_total", Set.of("error_type", "recovery_action"));

    assertThat(Scrape.of(bma.uri()).value("bma_savings_identified_dollars", Map.of("category", "shopping")))
        .isEqualTo(250.0);
    assertThat(mcaScrape.value("mca_system_errors_total", Map.of("error_type", "connection"))).isEqualTo(1);
    assertThat(mcaScrape.value("agent_circuit_breaker_state", Map.of("target", "npa"))).isZero();
    assertThat(mcaScrape.text()).doesNotContain("user_id");
  }

  @Test
  void promtoolAcceptsARealScrape() throws IOException, InterruptedException {
    for (AgentServer agent : List.of(npa, mca, bma)) {
      Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
      promtool.getOutputStream().write(Scrape.of(agent.uri()).text().getBytes(StandardCharsets.UTF_8));
      promtool.getOutputStream().close();
      String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(promtool.waitFor()).as("promtool said: %s", output).isZero();
      assertThat(output).isEmpty();
    }
  }

  private static void assertLabels(Scrape scrape, String name, Set<String> labelNames) {
    assertThat(scrape.named(name)).as("samples of %s", name).isNotEmpty()
        .allSatisfy(s -> assertThat(s.labels().keySet()).as("labels of %s", name)
            .containsExactlyInAnyOrderElementsOf(labelNames));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }
}

package dev.progressive.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.progressive.runtime.agents.AgentType;
import dev.progressive.runtime.server.AgentServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each agent's API on real servers: a good request and a bad one for every endpoint. */
class AgentApiTest {
  private static AgentServer npa;
  private static AgentServer wpa;
  private static AgentServer bma;
  private static AgentServer rpa;
  private static AgentServer mca;

  @BeforeAll
  static void startFleet() {
    npa = TestAgents.start(AgentType.NPA);
    wpa = TestAgents.start(AgentType.WPA);
    bma = TestAgents.start(AgentType.BMA);
    rpa = TestAgents.start(AgentType.RPA);
    mca = AgentServer.start(TestAgents.config(AgentType.MCA)
        .upstreams(TestAgents.upstreams(npa, wpa, bma, rpa)).build());
    await().until(mca::ready);
  }

  @AfterAll
  static void stopFleet() {
    Stream.of(mca, npa, wpa, bma, rpa).forEach(AgentServer::close);
  }

  private static URI uri(AgentType type) {
    return switch (type) {
      case NPA -> npa.uri();
      case WPA -> wpa.uri();
      case BMA -> bma.uri();
      case RPA -> rpa.uri();
      case MCA -> mca.uri();
    };
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of(AgentType.NPA, "/api/v1/meal-plans", "{\"calorieTarget\": 200}", "calorieTarget"),
        Arguments.of(AgentType.NPA, "/api/v1/meal-plans", "{\"calorieTarget\": 2000, \"restrictions\": [\"keto\"]}", "restrictions[0]"),
        Arguments.of(AgentType.NPA, "/api/v1/meal-plans", "not json", "body"),
        Arguments.of(AgentType.NPA, "/api/v1/calories", "{\"weightKg\": 70, \"heightCm\": 175, \"age\": 30}", "sex"),
        Arguments.of(AgentType.NPA, "/api/v1/feedback", "{\"planCategory\": \"daily\", \"score\": 9}", "score"),
        Arguments.of(AgentType.WPA, "/api/v1/workout-plans", "{\"fitnessLevel\": \"elite\"}", "fitnessLevel"),
        Arguments.of(AgentType.WPA, "/api/v1/workout-plans", "{\"fitnessLevel\": \"beginner\", \"daysPerWeek\": 8}", "daysPerWeek"),
        Arguments.of(AgentType.WPA, "/api/v1/workout-completions", "{\"planType\": \"strength\"}", "completed"),
        Arguments.of(AgentType.BMA, "/api/v1/budgets", "{\"monthlyIncome\": -5}", "monthlyIncome"),
        Arguments.of(AgentType.BMA, "/api/v1/expense-analyses",
            "{\"monthlyIncome\": 4000, \"expenses\": [{\"category\": \"food\", \"amount\": 10}, {\"category\": \"yachts\", \"amount\": 1}]}",
            "expenses[1].category"),
        Arguments.of(AgentType.RPA, "/api/v1/reports", "{\"sections\": {}}", "sections"),
        Arguments.of(AgentType.RPA, "/api/v1/reports", "{\"title\": \"x\"}", "sections"),
        Arguments.of(AgentType.MCA, "/api/v1/route", "{\"payload\": {}}", "task"),
        Arguments.of(AgentType.MCA, "/api/v1/route", "{\"task\": \"meal_plan\", \"payload\": {\"calorieTarget\": 99}}",
            "payload.calorieTarget"),
        Arguments.of(AgentType.MCA, "/api/v1/coordinate", "{}", "body"),
        Arguments.of(AgentType.MCA, "/api/v1/coordinate", "{\"workout\": {\"fitnessLevel\": \"nope\"}}",
            "workout.fitnessLevel"));
  }

  @ParameterizedTest(name = "{0} {1} rejects {3}")
  @MethodSource("badRequests")
  void badRequestGets400NamingTheField(AgentType type, String path, String body, String field) {
    Http.Reply reply = Http.post(uri(type), path, body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("error").asText()).isEqualTo("bad_request");
    assertThat(reply.json().path("field").asText()).isEqualTo(field);
    assertThat(reply.json().path("message").asText()).startsWith(field);
  }

  @Test
  void npaPlansMealsWithinRestrictions() {
    Http.Reply reply = Http.post(npa.uri(), "/api/v1/meal-plans",
        "{\"calorieTarget\": 2400, \"mealsPerDay\": 4, \"planType\": \"weekly\", \"restrictions\": [\"vegan\", \"gluten_free\"]}");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode plan = reply.json();
    assertThat(plan.path("days")).hasSize(7);
    for (JsonNode day : plan.path("days")) {
      assertThat(day.path("meals")).hasSize(4);
      assertThat(day.path("totals").path("calories").asInt()).isBetween(2000, 2800);
      for (JsonNode meal : day.path("meals")) {
        assertThat(meal.path("food").asText()).doesNotContain("yogurt", "chicken", "eggs", "Pasta", "Oatmeal");
      }
    }
  }

  @Test
  void npaCalculatesDailyNeeds() {
    Http.Reply reply = Http.post(npa.uri(), "/api/v1/calories",
        "{\"weightKg\": 70, \"heightCm\": 175, \"age\": 30, \"sex\": \"male\", \"activityLevel\": \"sedentary\", \"goal\": \"lose\"}");

    assertThat(reply.status()).isEqualTo(200);
    // 10*70 + 6.25*175 - 5*30 + 5 = 1648.75; x1.2 = 1978.5; minus 500
    assertThat(reply.json().path("bmr").asInt()).isEqualTo(1649);
    assertThat(reply.json().path("maintenanceCalories").asInt()).isEqualTo(1979);
    assertThat(reply.json().path("recommendedCalories").asInt()).isEqualTo(1479);
  }

  @Test
  void wpaPlansOnlyWithAvailableEquipmentAndLevel() {
    Http.Reply reply = Http.post(wpa.uri(), "/api/v1/workout-plans",
        "{\"fitnessLevel\": \"beginner\", \"goal\": \"strength\", \"equipment\": [\"dumbbells\"], \"daysPerWeek\": 4}");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode sessions = reply.json().path("sessions");
    assertThat(sessions).hasSize(4);
    for (JsonNode session : sessions) {
      assertThat(session.path("exercises").size()).isGreaterThanOrEqualTo(3);
      for (JsonNode exercise : session.path("exercises")) {
        assertThat(exercise.path("equipment").asText()).isIn("none", "dumbbells");
        assertThat(exercise.path("difficulty").asText()).isEqualTo("beginner");
        assertThat(exercise.path("sets").asInt()).isEqualTo(5);
      }
    }
  }

  @Test
  void bmaBudgetsAndFindsSavings() {
    Http.Reply budget = Http.post(bma.uri(), "/api/v1/budgets", "{\"monthlyIncome\": 5000}");
    assertThat(budget.status()).isEqualTo(200);
    assertThat(budget.json().path("allocations").path("needs").asDouble()).isEqualTo(2500);
    assertThat(budget.json().path("allocations").path("savings").asDouble()).isEqualTo(1000);

    Http.Reply analysis = Http.post(bma.uri(), "/api/v1/expense-analyses",
        "{\"monthlyIncome\": 5000, \"expenses\": [{\"category\": \"housing\", \"amount\": 2000},"
            + " {\"category\": \"food\", \"amount\": 400}]}");
    assertThat(analysis.status()).isEqualTo(200);
    // Housing's guideline is 30% of 5000 = 1500: 500 over. Food's is 600: within.
    assertThat(analysis.json().path("savingsIdentified").asDouble()).isEqualTo(500);
    assertThat(analysis.json().path("categories").get(0).path("compliancePercent").asDouble()).isEqualTo(75.0);
  }

  @Test
  void rpaSummarisesSections() {
    Http.Reply reply = Http.post(rpa.uri(), "/api/v1/reports",
        "{\"sections\": {\"budget\": {\"savingsIdentified\": 120.5, \"compliancePercent\": 90}}}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("reportType").asText()).isEqualTo("budget");
    assertThat(reply.json().path("figures").path("savingsIdentified").asDouble()).isEqualTo(120.5);
    assertThat(reply.json().path("highlights").get(0).asText()).contains("$120.50");
  }

  @Test
  void mcaRoutesATaskToTheAgentThatDoesIt() {
    Http.Reply reply = Http.post(mca.uri(), "/api/v1/route",
        "{\"task\": \"budget\", \"payload\": {\"monthlyIncome\": 3000, \"budgetType\": \"70_20_10\"}}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("routedTo").asText()).isEqualTo("bma");
    assertThat(reply.json().path("result").path("allocations").path("needs").asDouble()).isEqualTo(2100);
  }

  @Test
  void mcaCoordinatesAgentsAndReports() {
    Http.Reply reply = Http.post(mca.uri(), "/api/v1/coordinate", """
        {"nutrition": {"calorieTarget": 2000},
         "workout": {"fitnessLevel": "intermediate", "daysPerWeek": 3},
         "budget": {"monthlyIncome": 4000, "expenses": [{"category": "entertainment", "amount": 500}]}}""");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.path("results").fieldNames()).toIterable().containsExactly("nutrition", "workout", "budget");
    assertThat(body.has("errors")).isFalse();
    JsonNode report = body.path("report");
    assertThat(report.path("reportType").asText()).isEqualTo("combined");
    assertThat(report.path("figures").path("workoutDaysPerWeek").asInt()).isEqualTo(3);
    // Entertainment's guideline is 5% of 4000 = 200: 300 over.
    assertThat(report.path("figures").path("savingsIdentified").asDouble()).isEqualTo(300);
  }

  @Test
  void mcaListsItsUpstreams() {
    Http.Reply reply = Http.get(mca.uri(), "/api/v1/agents");

    assertThat(reply.status()).isEqualTo(200);
    List<String> names = reply.json().path("upstreams").findValuesAsText("name");
    assertThat(names).containsExactly("npa", "wpa", "bma", "rpa");
    assertThat(reply.json().path("upstreams").findValuesAsText("circuitBreaker")).containsOnly("closed");
  }

  @Test
  void correlationIdIsEchoedAndMadeUpWhenMissing() {
    Http.Reply given = Http.post(npa.uri(), "/api/v1/meal-plans", "{\"calorieTarget\": 1800}",
        Map.of("X-Correlation-ID", "corr-42"));
    Http.Reply missing = Http.post(npa.uri(), "/api/v1/meal-plans", "{\"calorieTarget\": 1800}");

    assertThat(given.headers().firstValue("X-Correlation-ID")).contains("corr-42");
    assertThat(missing.headers().firstValue("X-Correlation-ID")).get().asString().hasSize(36);
  }

  @Test
  void unknownApiPathIs404() {
    assertThat(Http.get(npa.uri(), "/api/v1/nothing-here").status()).isEqualTo(404);
  }
}

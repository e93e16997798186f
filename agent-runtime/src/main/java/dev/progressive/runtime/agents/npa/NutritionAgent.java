package dev.progressive.runtime.agents.npa;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.progressive.runtime.agents.Agent;
import dev.progressive.runtime.metrics.GaugeFamily;
import dev.progressive.runtime.server.Json;
import dev.progressive.runtime.server.RequestBody;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** NPA, the nutrition planning agent: meal plans, calorie needs, and plan feedback. */
public final class NutritionAgent implements Agent {
  private static final Logger LOG = LoggerFactory.getLogger(NutritionAgent.class);
  private static final Set<String> PLAN_TYPES = Set.of("daily", "weekly");
  private static final String PROVIDER = "builtin_catalog";

  private final MeterRegistry registry;
  private final MealPlanner planner = new MealPlanner();
  private final CalorieCalculator calculator = new CalorieCalculator();
  private final GaugeFamily satisfaction;
  private final Map<String, double[]> feedbackTotals = new ConcurrentHashMap<>();

  public NutritionAgent(MeterRegistry registry) {
    this.registry = registry;
    this.satisfaction = new GaugeFamily(registry, "npa.user.satisfaction.score",
        "Mean user satisfaction with nutrition plans (1-5)", "plan_category");
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post("/meal-plans", this::mealPlan)
        .post("/calories", this::calories)
        .post("/feedback", this::feedback);
  }

  private void mealPlan(ServerRequest request, ServerResponse response) {
    RequestBody body = Json.read(request);
    int calorieTarget = body.requiredInt("calorieTarget", 1200, 5000);
    int mealsPerDay = body.optionalInt("mealsPerDay", 3, 3, 6);
    String planType = body.optionalChoice("planType", PLAN_TYPES, "daily");
    List<String> restrictions = List.copyOf(new TreeSet<>(body.choices("restrictions", FoodCatalog.RESTRICTIONS)));
    nutritionLookup("success");
    MealPlanner.Plan plan = planner.plan(planType, calorieTarget, mealsPerDay, restrictions);
    calorieCalculation("meal_distribution");
    String restrictionLabel = restrictions.isEmpty() ? "none" : String.join("+", restrictions);
    counter("npa.meal.plans.generated", "Meal plans generated",
        "plan_type", planType, "dietary_restrictions", restrictionLabel).increment();
    LOG.info("meal plan generated", kv("plan_type", planType), kv("calorie_target", calorieTarget),
        kv("meal_count", mealsPerDay * plan.days().size()), kv("dietary_restrictions", restrictionLabel));
    Json.ok(response, plan);
  }

  private void calories(ServerRequest request, ServerResponse response) {
    RequestBody body = Json.read(request);
    double weightKg = body.requiredNumber("weightKg", 30, 300);
    double heightCm = body.requiredNumber("heightCm", 120, 230);
    int age = body.requiredInt("age", 16, 100);
    String sex = body.requiredChoice("sex", Set.of("female", "male"));
    String activity = body.optionalChoice("activityLevel", CalorieCalculator.ACTIVITY.keySet(), "moderate");
    String goal = body.optionalChoice("goal", CalorieCalculator.GOAL_ADJUSTMENT.keySet(), "maintain");
    CalorieCalculator.Result result = calculator.calculate(weightKg, heightCm, age, sex, activity, goal);
    calorieCalculation("daily_needs");
    Json.ok(response, result);
  }

  private void feedback(ServerRequest request, ServerResponse response) {
    RequestBody body = Json.read(request);
    String category = body.requiredChoice("planCategory", PLAN_TYPES);
    int score = body.requiredInt("score", 1, 5);
    double mean;
    long responses;
    // Sum and count per category under one lock, so the mean never mixes two updates.
    double[] totals = feedbackTotals.computeIfAbsent(category, c -> new double[2]);
    synchronized (totals) {
      totals[0] += score;
      totals[1] += 1;
      mean = totals[0] / totals[1];
      responses = (long) totals[1];
    }
    satisfaction.set(mean, category);
    Json.ok(response, Map.of("planCategory", category, "meanScore", mean, "responses", responses));
  }

  private void nutritionLookup(String status) {
    counter("npa.nutrition.api.calls", "Calls to the nutrition data source",
        "api_provider", PROVIDER, "status", status).increment();
  }

  private void calorieCalculation(String type) {
    counter("npa.calorie.calculations", "Calorie calculations performed", "calculation_type", type).increment();
  }

  private Counter counter(String name, String description, String... tags) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }
}

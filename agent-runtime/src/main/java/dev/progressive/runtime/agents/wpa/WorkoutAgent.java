package dev.progressive.runtime.agents.wpa;

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

/** WPA, the workout planning agent: plans by fitness level and equipment, and completion tracking. */
public final class WorkoutAgent implements Agent {
  private static final Logger LOG = LoggerFactory.getLogger(WorkoutAgent.class);
  private static final String PROVIDER = "builtin_catalog";

  private final MeterRegistry registry;
  private final WorkoutPlanner planner = new WorkoutPlanner();
  private final GaugeFamily completionRate;
  private final Map<String, long[]> completions = new ConcurrentHashMap<>();

  public WorkoutAgent(MeterRegistry registry) {
    this.registry = registry;
    this.completionRate = new GaugeFamily(registry, "wpa.workout.completion.rate",
        "Share of reported workouts that were completed, in percent", "plan_type");
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post("/workout-plans", this::workoutPlan)
        .post("/workout-completions", this::completion);
  }

  private void workoutPlan(ServerRequest request, ServerResponse response) {
    RequestBody body = Json.read(request);
    String level = body.requiredChoice("fitnessLevel", Set.copyOf(WorkoutPlanner.LEVELS));
    String goal = body.optionalChoice("goal", WorkoutPlanner.SETS_AND_REPS.keySet(), "general");
    List<String> equipment = List.copyOf(new TreeSet<>(body.choices("equipment", ExerciseCatalog.EQUIPMENT)));
    int days = body.optionalInt("daysPerWeek", 3, 1, 7);
    int minutes = body.optionalInt("sessionMinutes", 45, 15, 120);
    counter("wpa.fitness.api.calls", "Calls to the exercise data source",
        "api_provider", PROVIDER, "status", "success").increment();
    WorkoutPlanner.Plan plan = planner.plan(goal, level, equipment, days, minutes);
    String equipmentLabel = equipment.isEmpty() ? "bodyweight" : String.join("+", equipment);
    counter("wpa.workout.plans.generated", "Workout plans generated",
        "plan_type", goal, "fitness_level", level, "equipment", equipmentLabel).increment();
    plan.sessions().forEach(session -> session.exercises().forEach(e ->
        counter("wpa.exercise.recommendations", "Exercises recommended in plans",
            "muscle_group", e.muscleGroup(), "difficulty", e.difficulty()).increment()));
    LOG.info("workout plan generated", kv("plan_type", goal), kv("fitness_level", level),
        kv("days_per_week", days), kv("equipment", equipmentLabel));
    Json.ok(response, plan);
  }

  private void completion(ServerRequest request, ServerResponse response) {
    RequestBody body = Json.read(request);
    String planType = body.requiredChoice("planType", WorkoutPlanner.SETS_AND_REPS.keySet());
    boolean completed = body.requiredBoolean("completed");
    double rate;
    long reported;
    long[] counts = completions.computeIfAbsent(planType, p -> new long[2]);
    synchronized (counts) {
      counts[0] += completed ? 1 : 0;
      counts[1] += 1;
      rate = 100.0 * counts[0] / counts[1];
      reported = counts[1];
    }
    completionRate.set(rate, planType);
    Json.ok(response, Map.of("planType", planType, "completionRatePercent", rate, "reported", reported));
  }

  private Counter counter(String name, String description, String... tags) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }
}

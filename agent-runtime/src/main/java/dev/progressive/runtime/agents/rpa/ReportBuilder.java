package dev.progressive.runtime.agents.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarises the other agents' answers (a meal plan, a workout plan, a budget or expense analysis)
 * into figures and one-line highlights. Fields it does not find are left out, not invented.
 */
final class ReportBuilder {
  record Report(String reportType, String title, List<String> sections, Map<String, Object> figures,
                List<String> highlights) {
  }

  Report build(String title, Map<String, JsonNode> sections) {
    Map<String, Object> figures = new LinkedHashMap<>();
    List<String> highlights = new ArrayList<>();
    JsonNode nutrition = sections.get("nutrition");
    if (nutrition != null) {
      JsonNode days = nutrition.path("days");
      if (days.isArray() && !days.isEmpty()) {
        double mean = 0;
        for (JsonNode day : days) {
          mean += day.path("totals").path("calories").asDouble() / days.size();
        }
        figures.put("planDays", days.size());
        figures.put("averageDailyCalories", Math.round(mean));
        highlights.add("Meal plan for " + days.size() + " day(s) at about " + Math.round(mean) + " kcal a day");
      }
    }
    JsonNode workout = sections.get("workout");
    if (workout != null && workout.path("sessions").isArray()) {
      int exercises = 0;
      for (JsonNode session : workout.path("sessions")) {
        exercises += session.path("exercises").size();
      }
      figures.put("workoutDaysPerWeek", workout.path("sessions").size());
      figures.put("exercisesPerWeek", exercises);
      highlights.add(workout.path("sessions").size() + " workout day(s) a week, " + exercises + " exercises");
    }
    JsonNode budget = sections.get("budget");
    if (budget != null) {
      if (budget.has("savingsIdentified")) {
        figures.put("savingsIdentified", budget.path("savingsIdentified").asDouble());
        figures.put("budgetCompliancePercent", budget.path("compliancePercent").asDouble());
        highlights.add(String.format(java.util.Locale.ROOT, "$%.2f a month of possible savings found",
            budget.path("savingsIdentified").asDouble()));
      } else if (budget.path("allocations").has("savings")) {
        figures.put("plannedSavings", budget.path("allocations").path("savings").asDouble());
        highlights.add("Budget sets aside " + budget.path("allocations").path("savings").asDouble() + " for savings");
      }
    }
    String type = sections.size() > 1 ? "combined" : sections.keySet().iterator().next();
    return new Report(type, title, List.copyOf(sections.keySet()), figures, highlights);
  }
}

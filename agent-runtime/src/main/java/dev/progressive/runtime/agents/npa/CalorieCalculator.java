package dev.progressive.runtime.agents.npa;

import java.util.Map;

/** Daily energy needs by the Mifflin-St Jeor equation times an activity factor, adjusted for a goal. */
final class CalorieCalculator {
  static final Map<String, Double> ACTIVITY = Map.of(
      "sedentary", 1.2, "light", 1.375, "moderate", 1.55, "active", 1.725, "very_active", 1.9);
  static final Map<String, Integer> GOAL_ADJUSTMENT = Map.of("lose", -500, "maintain", 0, "gain", 300);

  record Result(int bmr, int maintenanceCalories, int recommendedCalories) {
  }

  Result calculate(double weightKg, double heightCm, int age, String sex, String activity, String goal) {
    double bmr = 10 * weightKg + 6.25 * heightCm - 5 * age + ("male".equals(sex) ? 5 : -161);
    double maintenance = bmr * ACTIVITY.get(activity);
    // Never recommend less than 1200 kcal: below that a plan needs medical supervision.
    long recommended = Math.max(1200, Math.round(maintenance) + GOAL_ADJUSTMENT.get(goal));
    return new Result((int) Math.round(bmr), (int) Math.round(maintenance), (int) recommended);
  }
}

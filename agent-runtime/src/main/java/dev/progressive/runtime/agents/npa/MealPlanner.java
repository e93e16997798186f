package dev.progressive.runtime.agents.npa;

import dev.progressive.runtime.agents.npa.Food.Meal;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a daily calorie target over the day's meals (main meals weigh three times a snack) and
 * picks a dish for each, rotating through the allowed dishes so that days differ.
 */
final class MealPlanner {
  private static final int MAIN_WEIGHT = 3;
  private static final int SNACK_WEIGHT = 1;

  record PlannedMeal(String meal, String food, double servings, int calories, double proteinG,
                     double carbsG, double fatG) {
  }

  record Totals(int calories, double proteinG, double carbsG, double fatG) {
  }

  record Day(int day, List<PlannedMeal> meals, Totals totals) {
  }

  record Plan(String planType, int calorieTarget, int mealsPerDay, List<String> restrictions, List<Day> days) {
  }

  Plan plan(String planType, int calorieTarget, int mealsPerDay, List<String> restrictions) {
    int dayCount = "weekly".equals(planType) ? 7 : 1;
    int snacks = mealsPerDay - 3;
    int totalWeight = 3 * MAIN_WEIGHT + snacks * SNACK_WEIGHT;
    List<Day> days = new ArrayList<>();
    for (int day = 0; day < dayCount; day++) {
      List<PlannedMeal> meals = new ArrayList<>();
      meals.add(pick("breakfast", Meal.BREAKFAST, day, calorieTarget * MAIN_WEIGHT / totalWeight, restrictions));
      meals.add(pick("lunch", Meal.MAIN, day, calorieTarget * MAIN_WEIGHT / totalWeight, restrictions));
      meals.add(pick("dinner", Meal.MAIN, day + 1, calorieTarget * MAIN_WEIGHT / totalWeight, restrictions));
      for (int s = 0; s < snacks; s++) {
        meals.add(pick("snack", Meal.SNACK, day + s, calorieTarget * SNACK_WEIGHT / totalWeight, restrictions));
      }
      days.add(new Day(day + 1, meals, total(meals)));
    }
    return new Plan(planType, calorieTarget, mealsPerDay, restrictions, days);
  }

  private static PlannedMeal pick(String name, Meal meal, int rotation, int targetCalories,
                                  List<String> restrictions) {
    List<Food> choices = FoodCatalog.choices(meal, restrictions);
    Food food = choices.get(rotation % choices.size());
    // Servings in half portions, at least one half: what a person can actually cook and eat.
    double servings = Math.max(0.5, Math.round(targetCalories * 2.0 / food.calories()) / 2.0);
    return new PlannedMeal(name, food.name(), servings, (int) Math.round(food.calories() * servings),
        round(food.proteinG() * servings), round(food.carbsG() * servings), round(food.fatG() * servings));
  }

  private static Totals total(List<PlannedMeal> meals) {
    return new Totals(meals.stream().mapToInt(PlannedMeal::calories).sum(),
        round(meals.stream().mapToDouble(PlannedMeal::proteinG).sum()),
        round(meals.stream().mapToDouble(PlannedMeal::carbsG).sum()),
        round(meals.stream().mapToDouble(PlannedMeal::fatG).sum()));
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}

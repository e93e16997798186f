package dev.progressive.runtime.agents.npa;

import dev.progressive.runtime.agents.npa.Food.Meal;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The nutrition data source: a fixed table, so plans are deterministic. It is built so that every
 * combination of restrictions leaves at least one dish for every meal.
 */
final class FoodCatalog {
  static final Set<String> RESTRICTIONS =
      Set.of("vegetarian", "vegan", "gluten_free", "dairy_free", "nut_free");
  /** Shorthands for what a dish contains, in terms of the restrictions it breaks. */
  private static final Set<String> MEAT = Set.of("vegetarian", "vegan");
  private static final Set<String> DAIRY = Set.of("vegan", "dairy_free");
  private static final Set<String> NONE = Set.of();

  private static final List<Food> FOODS = List.of(
      new Food("Oatmeal with berries and almonds", Meal.BREAKFAST, 350, 11, 55, 10,
          Set.of("gluten_free", "nut_free")),
      new Food("Greek yogurt with honey", Meal.BREAKFAST, 280, 20, 35, 6, DAIRY),
      new Food("Scrambled eggs on toast", Meal.BREAKFAST, 400, 22, 30, 20, Set.of("vegan", "gluten_free")),
      new Food("Tofu scramble with potatoes", Meal.BREAKFAST, 380, 21, 40, 15, NONE),
      new Food("Grilled chicken with quinoa", Meal.MAIN, 550, 45, 50, 15, MEAT),
      new Food("Salmon with rice and broccoli", Meal.MAIN, 620, 40, 60, 22, MEAT),
      new Food("Beef stir-fry with noodles", Meal.MAIN, 680, 38, 70, 24, union(MEAT, Set.of("gluten_free"))),
      new Food("Pasta with pesto and parmesan", Meal.MAIN, 640, 20, 80, 26,
          union(DAIRY, Set.of("gluten_free", "nut_free"))),
      new Food("Lentil and rice bowl", Meal.MAIN, 520, 24, 85, 8, NONE),
      new Food("Chickpea curry with rice", Meal.MAIN, 580, 20, 90, 14, NONE),
      new Food("Apple", Meal.SNACK, 95, 0.5, 25, 0.3, NONE),
      new Food("Mixed nuts", Meal.SNACK, 180, 5, 6, 16, Set.of("nut_free")),
      new Food("Hummus with carrots", Meal.SNACK, 150, 5, 15, 8, NONE),
      new Food("Cheese and crackers", Meal.SNACK, 200, 8, 15, 12, union(DAIRY, Set.of("gluten_free"))));

  private FoodCatalog() {
  }

  static List<Food> choices(Meal meal, Collection<String> restrictions) {
    return FOODS.stream().filter(f -> f.meal() == meal && f.allowedFor(restrictions)).toList();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    var all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}

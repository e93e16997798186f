// NPA's meal planner and food catalog, ported line for line from the Java runtime
// (agents/npa/MealPlanner.java, FoodCatalog.java), so both servers do the same work per request.
const RESTRICTIONS = new Set(['vegetarian', 'vegan', 'gluten_free', 'dairy_free', 'nut_free']);
const MEAT = ['vegetarian', 'vegan'];
const DAIRY = ['vegan', 'dairy_free'];

const food = (name, meal, calories, proteinG, carbsG, fatG, excludedBy) =>
  ({ name, meal, calories, proteinG, carbsG, fatG, excludedBy: new Set(excludedBy) });

const FOODS = [
  food('Oatmeal with berries and almonds', 'breakfast', 350, 11, 55, 10, ['gluten_free', 'nut_free']),
  food('Greek yogurt with honey', 'breakfast', 280, 20, 35, 6, DAIRY),
  food('Scrambled eggs on toast', 'breakfast', 400, 22, 30, 20, ['vegan', 'gluten_free']),
  food('Tofu scramble with potatoes', 'breakfast', 380, 21, 40, 15, []),
  food('Grilled chicken with quinoa', 'main', 550, 45, 50, 15, MEAT),
  food('Salmon with rice and broccoli', 'main', 620, 40, 60, 22, MEAT),
  food('Beef stir-fry with noodles', 'main', 680, 38, 70, 24, [...MEAT, 'gluten_free']),
  food('Pasta with pesto and parmesan', 'main', 640, 20, 80, 26, [...DAIRY, 'gluten_free', 'nut_free']),
  food('Lentil and rice bowl', 'main', 520, 24, 85, 8, []),
  food('Chickpea curry with rice', 'main', 580, 20, 90, 14, []),
  food('Apple', 'snack', 95, 0.5, 25, 0.3, []),
  food('Mixed nuts', 'snack', 180, 5, 6, 16, ['nut_free']),
  food('Hummus with carrots', 'snack', 150, 5, 15, 8, []),
  food('Cheese and crackers', 'snack', 200, 8, 15, 12, [...DAIRY, 'gluten_free']),
];

const MAIN_WEIGHT = 3;
const SNACK_WEIGHT = 1;
const round = (value) => Math.round(value * 10) / 10;

function choices(meal, restrictions) {
  return FOODS.filter((f) => f.meal === meal && !restrictions.some((r) => f.excludedBy.has(r)));
}

function pick(name, meal, rotation, targetCalories, restrictions) {
  const options = choices(meal, restrictions);
  const f = options[rotation % options.length];
  const servings = Math.max(0.5, Math.round((targetCalories * 2.0) / f.calories) / 2.0);
  return {
    meal: name, food: f.name, servings, calories: Math.round(f.calories * servings),
    proteinG: round(f.proteinG * servings), carbsG: round(f.carbsG * servings), fatG: round(f.fatG * servings),
  };
}

function total(meals) {
  const sum = (key) => meals.reduce((acc, m) => acc + m[key], 0);
  return { calories: sum('calories'), proteinG: round(sum('proteinG')), carbsG: round(sum('carbsG')), fatG: round(sum('fatG')) };
}

function plan(planType, calorieTarget, mealsPerDay, restrictions) {
  const dayCount = planType === 'weekly' ? 7 : 1;
  const snacks = mealsPerDay - 3;
  const totalWeight = 3 * MAIN_WEIGHT + snacks * SNACK_WEIGHT;
  const main = Math.trunc((calorieTarget * MAIN_WEIGHT) / totalWeight);
  const snack = Math.trunc((calorieTarget * SNACK_WEIGHT) / totalWeight);
  const days = [];
  for (let day = 0; day < dayCount; day++) {
    const meals = [
      pick('breakfast', 'breakfast', day, main, restrictions),
      pick('lunch', 'main', day, main, restrictions),
      pick('dinner', 'main', day + 1, main, restrictions),
    ];
    for (let s = 0; s < snacks; s++) {
      meals.push(pick('snack', 'snack', day + s, snack, restrictions));
    }
    days.push({ day: day + 1, meals, totals: total(meals) });
  }
  return { planType, calorieTarget, mealsPerDay, restrictions, days };
}

module.exports = { plan, RESTRICTIONS };

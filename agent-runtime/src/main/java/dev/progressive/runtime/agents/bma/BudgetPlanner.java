package dev.progressive.runtime.agents.bma;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits income into needs, wants and savings by a named rule, per month or per week. */
final class BudgetPlanner {
  static final Map<String, List<Double>> RULES = Map.of(
      "50_30_20", List.of(0.50, 0.30, 0.20),
      "70_20_10", List.of(0.70, 0.20, 0.10),
      "60_20_20", List.of(0.60, 0.20, 0.20));
  private static final double WEEKS_PER_MONTH = 52.0 / 12.0;

  record Budget(String budgetType, String period, double income, Map<String, Double> allocations) {
  }

  Budget plan(String budgetType, String period, double monthlyIncome) {
    double income = "weekly".equals(period) ? monthlyIncome / WEEKS_PER_MONTH : monthlyIncome;
    List<Double> shares = RULES.get(budgetType);
    Map<String, Double> allocations = new LinkedHashMap<>();
    allocations.put("needs", cents(income * shares.get(0)));
    allocations.put("wants", cents(income * shares.get(1)));
    allocations.put("savings", cents(income * shares.get(2)));
    return new Budget(budgetType, period, cents(income), allocations);
  }

  static double cents(double amount) {
    return Math.round(amount * 100) / 100.0;
  }
}

package dev.progressive.runtime.agents.bma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares spending per category with a guideline share of income. What a category spends above
 * its guideline is the saving found there; compliance is 100% within the guideline and falls in
 * proportion above it.
 */
final class ExpenseAnalyzer {
  static final Map<String, Double> GUIDELINES = Map.of(
      "housing", 0.30, "food", 0.12, "transport", 0.10, "utilities", 0.08,
      "health", 0.07, "entertainment", 0.05, "shopping", 0.05, "other", 0.05);

  record Expense(String category, double amount) {
  }

  record CategoryResult(String category, double spent, double guideline, double savings, double compliancePercent) {
  }

  record Analysis(double monthlyIncome, double totalSpent, double savingsIdentified,
                  double compliancePercent, List<CategoryResult> categories) {
  }

  Analysis analyze(double monthlyIncome, List<Expense> expenses) {
    Map<String, Double> spent = new LinkedHashMap<>();
    expenses.forEach(e -> spent.merge(e.category(), e.amount(), Double::sum));
    List<CategoryResult> results = new ArrayList<>();
    double savings = 0;
    for (var entry : spent.entrySet()) {
      double limit = monthlyIncome * GUIDELINES.get(entry.getKey());
      double amount = entry.getValue();
      double over = Math.max(0, amount - limit);
      double compliance = amount <= limit ? 100 : 100 * limit / amount;
      savings += over;
      results.add(new CategoryResult(entry.getKey(), BudgetPlanner.cents(amount), BudgetPlanner.cents(limit),
          BudgetPlanner.cents(over), Math.round(compliance * 10) / 10.0));
    }
    double total = spent.values().stream().mapToDouble(Double::doubleValue).sum();
    double overall = results.stream().mapToDouble(CategoryResult::compliancePercent).average().orElse(100);
    return new Analysis(monthlyIncome, BudgetPlanner.cents(total), BudgetPlanner.cents(savings),
        Math.round(overall * 10) / 10.0, results);
  }
}

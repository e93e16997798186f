package dev.progressive.runtime.agents.bma;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.progressive.runtime.agents.Agent;
import dev.progressive.runtime.metrics.AgentMetrics;
import dev.progressive.runtime.metrics.GaugeFamily;
import dev.progressive.runtime.metrics.TextCounter;
import dev.progressive.runtime.server.Json;
import dev.progressive.runtime.server.RequestBody;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** BMA, the budget management agent: budgets by rule, and expense analyses that find savings. */
public final class BudgetAgent implements Agent {
  private static final Logger LOG = LoggerFactory.getLogger(BudgetAgent.class);
  private static final double MAX_AMOUNT = 10_000_000;

  private final MeterRegistry registry;
  private final BudgetPlanner planner = new BudgetPlanner();
  private final ExpenseAnalyzer analyzer = new ExpenseAnalyzer();
  private final GaugeFamily savingsIdentified;
  private final GaugeFamily compliance;
  private final TextCounter budgetsCreated;

  public BudgetAgent(AgentMetrics metrics) {
    this.registry = metrics.registry();
    this.budgetsCreated = metrics.textCounter("bma_budgets_created_total", "Budgets created",
        "budget_type", "period");
    this.savingsIdentified = new GaugeFamily(registry, "bma.savings.identified.dollars",
        "Savings identified by expense analyses since start, in dollars", "category");
    this.compliance = new GaugeFamily(registry, "bma.budget.compliance.percentage",
        "Budget compliance of the latest expense analysis, in percent", "category");
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post("/budgets", this::budget)
        .post("/expense-analyses", this::expenseAnalysis);
  }

  private void budget(ServerRequest request, ServerResponse response) {
    RequestBody body = Json.read(request);
    double income = body.requiredNumber("monthlyIncome", 1, MAX_AMOUNT);
    String budgetType = body.optionalChoice("budgetType", BudgetPlanner.RULES.keySet(), "50_30_20");
    String period = body.optionalChoice("period", Set.of("monthly", "weekly"), "monthly");
    BudgetPlanner.Budget budget = planner.plan(budgetType, period, income);
    budgetsCreated.increment(budgetType, period);
    LOG.info("budget created", kv("budget_type", budgetType), kv("period", period));
    Json.ok(response, budget);
  }

  private void expenseAnalysis(ServerRequest request, ServerResponse response) {
    RequestBody body = Json.read(request);
    double income = body.requiredNumber("monthlyIncome", 1, MAX_AMOUNT);
    List<ExpenseAnalyzer.Expense> expenses = body.objects("expenses", 500).stream()
        .map(e -> new ExpenseAnalyzer.Expense(
            e.requiredChoice("category", ExpenseAnalyzer.GUIDELINES.keySet()),
            e.requiredNumber("amount", 0, MAX_AMOUNT)))
        .toList();
    ExpenseAnalyzer.Analysis analysis = analyzer.analyze(income, expenses);
    Counter.builder("bma.expense.analyses").description("Expense analyses performed")
        .tags("analysis_type", "category_guideline").register(registry).increment();
    analysis.categories().forEach(c -> {
      savingsIdentified.add(c.savings(), c.category());
      compliance.set(c.compliancePercent(), c.category());
    });
    LOG.info("expense analysis completed", kv("category_count", analysis.categories().size()),
        kv("savings_identified", analysis.savingsIdentified()));
    Json.ok(response, analysis);
  }
}

package dev.progressive.runtime.agents.mca;

import dev.progressive.runtime.agents.AgentType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the MCA can be asked to do, and which agent's endpoint does it: the routing table. */
enum Task {
  MEAL_PLAN(AgentType.NPA, "/api/v1/meal-plans"),
  CALORIES(AgentType.NPA, "/api/v1/calories"),
  WORKOUT_PLAN(AgentType.WPA, "/api/v1/workout-plans"),
  BUDGET(AgentType.BMA, "/api/v1/budgets"),
  EXPENSE_ANALYSIS(AgentType.BMA, "/api/v1/expense-analyses"),
  REPORT(AgentType.RPA, "/api/v1/reports");

  static final Map<String, Task> BY_LABEL =
      Arrays.stream(values()).collect(Collectors.toMap(Task::label, Function.identity()));

  private final AgentType agentType;
  private final String path;

  Task(AgentType agentType, String path) {
    this.agentType = agentType;
    this.path = path;
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  AgentType agentType() {
    return agentType;
  }

  String path() {
    return path;
  }

  static Set<String> labels() {
    return BY_LABEL.keySet();
  }
}

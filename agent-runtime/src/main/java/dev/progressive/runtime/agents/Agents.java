package dev.progressive.runtime.agents;

import dev.progressive.runtime.agents.bma.BudgetAgent;
import dev.progressive.runtime.agents.mca.MasterControlAgent;
import dev.progressive.runtime.agents.npa.NutritionAgent;
import dev.progressive.runtime.agents.rpa.ReportAgent;
import dev.progressive.runtime.agents.wpa.WorkoutAgent;

/** Creates the agent that {@code AGENT_TYPE} names. */
public final class Agents {
  private Agents() {
  }

  public static Agent create(AgentContext context) {
    return switch (context.config().agentType()) {
      case MCA -> new MasterControlAgent(context);
      case NPA -> new NutritionAgent(context.registry());
      case WPA -> new WorkoutAgent(context.registry());
      case BMA -> new BudgetAgent(context.metrics());
      case RPA -> new ReportAgent(context.registry());
    };
  }
}

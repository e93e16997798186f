package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.common.Labels;
import java.util.Map;

/** Labels of an agent's children: the standard set, with the agent type as the application name. */
final class AgentLabels {
  static final String COMPONENT = "agent";

  private AgentLabels() {}

  static Map<String, String> standard(ProgressiveAgent agent) {
    return Labels.standard(agent.getSpec().getAgentType().id(), COMPONENT, agent);
  }

  static Map<String, String> selector(ProgressiveAgent agent) {
    return Labels.selector(agent.getSpec().getAgentType().id(), agent);
  }
}

package dev.progressive.operator.agent;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** Builds ProgressiveAgents for unit tests. */
final class Agents {
  private Agents() {}

  static ProgressiveAgent agent(String name, AgentType type) {
    var agent = new ProgressiveAgent();
    agent.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("team-a").withGeneration(3L).build());
    var spec = new ProgressiveAgentSpec();
    spec.setAgentType(type);
    spec.setImage("ghcr.io/progressive-operator/agent-runtime:0.1.0");
    spec.setReplicas(2);
    agent.setSpec(spec);
    return agent;
  }
}

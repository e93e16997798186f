package dev.progressive.operator.agent;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.Delivery;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentSpec;
import dev.progressive.operator.cli.Manifests;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.IOException;
import java.nio.file.Path;

/** Builds ProgressiveAgents for tests. */
final class Agents {
  private static final Path SAMPLE = Path.of(System.getProperty("project.root", ".."), "samples", "agent-npa.yaml");

  private Agents() {}

  /** The sample NPA in {@code namespace}, rolled out by canary. */
  static ProgressiveAgent sampleCanary(String namespace) throws IOException {
    var agent = Manifests.convert(Manifests.read(SAMPLE).get(0), ProgressiveAgent.class);
    agent.getMetadata().setNamespace(namespace);
    var delivery = new Delivery();
    delivery.setStrategy(Delivery.Strategy.CANARY);
    agent.getSpec().setDelivery(delivery);
    return agent;
  }

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

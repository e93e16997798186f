package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Collection;
import java.util.Optional;

/** The agent's two Deployments as the cache has them: the stable one, named after the agent, and its canary. */
record AgentDeployments(Optional<Deployment> stable, Optional<Deployment> canary) {
  static AgentDeployments of(ProgressiveAgent agent, Collection<Deployment> cached) {
    return new AgentDeployments(named(cached, agent.getMetadata().getName()), named(cached, AgentDeployment.canaryName(agent)));
  }

  private static Optional<Deployment> named(Collection<Deployment> cached, String name) {
    return cached.stream().filter(deployment -> name.equals(deployment.getMetadata().getName())).findFirst();
  }

  int canaryReady() {
    return ready(canary);
  }

  int stableReady() {
    return ready(stable);
  }

  private static int ready(Optional<Deployment> deployment) {
    return deployment.map(Deployment::getStatus).map(status -> status.getReadyReplicas()).orElse(0);
  }
}

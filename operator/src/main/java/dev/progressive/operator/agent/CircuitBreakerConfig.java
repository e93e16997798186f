package dev.progressive.operator.agent;

import dev.progressive.operator.api.CircuitBreaker;
import dev.progressive.operator.api.ProgressiveAgent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Optional;

/**
 * Desired ConfigMap holding the agent's circuit-breaker file. The runtime reads the mounted file
 * live, so opening the breaker during an incident restarts no pod.
 */
public final class CircuitBreakerConfig {
  public static final String KEY = "circuit-breaker.properties";
  public static final String MOUNT_PATH = "/etc/progressive/circuit-breaker";
  public static final String FILE = MOUNT_PATH + "/" + KEY;

  private CircuitBreakerConfig() {}

  static final String SUFFIX = "-circuit-breaker";

  public static String name(ProgressiveAgent agent) {
    return agent.getMetadata().getName() + SUFFIX;
  }

  public static ConfigMap desired(ProgressiveAgent agent, ActiveMitigations mitigations) {
    var breaker = Optional.ofNullable(agent.getSpec().getCircuitBreaker()).orElseGet(CircuitBreaker::new);
    var file = "# Written by progressive-operator. An open Incident may force the breaker open.\n"
        + "enabled=" + (breaker.getEnabled() || mitigations.breakerOpen()) + "\n"
        + "threshold=" + breaker.getThreshold() + "\n"
        + "open=" + mitigations.breakerOpen() + "\n";
    return new ConfigMapBuilder()
        .withNewMetadata()
          .withName(name(agent))
          .withNamespace(agent.getMetadata().getNamespace())
          .withLabels(AgentLabels.standard(agent))
        .endMetadata()
        .addToData(KEY, file)
        .build();
  }
}

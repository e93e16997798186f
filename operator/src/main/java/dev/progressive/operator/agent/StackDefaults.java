package dev.progressive.operator.agent;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.Tracing;
import dev.progressive.operator.cluster.StackTracing;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Optional;

/**
 * The agent as its namespace's ObservabilityStack completes it: the stack's tracing endpoint and
 * sampling ratio wherever the agent's own spec.tracing names none. The agent resource itself is
 * never changed.
 */
public final class StackDefaults {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private StackDefaults() {}

  public static ProgressiveAgent applied(ProgressiveAgent agent, Optional<ObservabilityStack> stack) {
    if (stack.isEmpty()) {
      return agent;
    }
    var defaults = StackTracing.agentDefaults(stack.get());
    var completed = SERIALIZATION.clone(agent);
    var tracing = Optional.ofNullable(completed.getSpec().getTracing()).orElseGet(Tracing::new);
    if (tracing.getEndpoint() == null) {
      tracing.setEndpoint(defaults.endpoint());
    }
    if (tracing.getSamplingRatio() == null) {
      tracing.setSamplingRatio(defaults.samplingRatio());
    }
    completed.getSpec().setTracing(tracing);
    return completed;
  }
}

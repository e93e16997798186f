package dev.progressive.operator.stack;

import dev.progressive.operator.stack.TracingSettings.Backend;
import java.util.Optional;

/** Where the namespace's agents send traces, and how many they sample, unless their own spec says otherwise. */
public final class StackTracing {
  private StackTracing() {}

  /** What an agent's spec.tracing falls back to. */
  public record AgentDefaults(String endpoint, Double samplingRatio) {}

  public static AgentDefaults agentDefaults(ObservabilityStack stack) {
    return new AgentDefaults(endpoint(stack).orElse(null), stack.getSpec().getTracing().getSamplingRatio());
  }

  /** The OTLP endpoint: the stack's own Jaeger (its HTTP port: the agent runtime exports OTLP over HTTP), or the external one. */
  public static Optional<String> endpoint(ObservabilityStack stack) {
    var tracing = stack.getSpec().getTracing();
    return tracing.getBackend() == Backend.JAEGER
        ? Optional.of("http://" + Jaeger.name(stack) + "." + stack.getMetadata().getNamespace() + ".svc:" + Jaeger.OTLP_HTTP)
        : Optional.ofNullable(tracing.getEndpoint());
  }

  public static boolean runsJaeger(ObservabilityStack stack) {
    return stack.getSpec().getTracing().getBackend() == Backend.JAEGER;
  }
}

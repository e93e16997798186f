package dev.progressive.operator.cluster;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.TracingSettings.Backend;
import java.util.Optional;

/** Where the namespace's agents send traces, and how many they sample, unless their own spec says otherwise. */
public final class StackTracing {
  /** The port of the stack's own Jaeger that takes OTLP over HTTP, which the agent runtime exports. */
  public static final int JAEGER_OTLP_HTTP = 4318;

  private StackTracing() {}

  /** The name of the Jaeger a stack with backend jaeger runs (its Deployment and Service). */
  public static String jaegerName(ObservabilityStack stack) {
    return stack.getMetadata().getName() + "-jaeger";
  }

  /** What an agent's spec.tracing falls back to. */
  public record AgentDefaults(String endpoint, Double samplingRatio) {}

  public static AgentDefaults agentDefaults(ObservabilityStack stack) {
    return new AgentDefaults(endpoint(stack).orElse(null), stack.getSpec().getTracing().getSamplingRatio());
  }

  /** The OTLP endpoint: the stack's own Jaeger (its HTTP port: the agent runtime exports OTLP over HTTP), or the external one. */
  public static Optional<String> endpoint(ObservabilityStack stack) {
    var tracing = stack.getSpec().getTracing();
    return tracing.getBackend() == Backend.JAEGER
        ? Optional.of("http://" + jaegerName(stack) + "." + stack.getMetadata().getNamespace() + ".svc:" + JAEGER_OTLP_HTTP)
        : Optional.ofNullable(tracing.getEndpoint());
  }

  public static boolean runsJaeger(ObservabilityStack stack) {
    return stack.getSpec().getTracing().getBackend() == Backend.JAEGER;
  }
}

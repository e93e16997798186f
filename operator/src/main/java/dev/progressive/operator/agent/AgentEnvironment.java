package dev.progressive.operator.agent;

import dev.progressive.operator.api.CircuitBreaker;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.Tracing;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The environment the agent runtime reads (see agent-runtime/README.md), then the user's extra env. */
final class AgentEnvironment {
  static final double DEFAULT_SAMPLING_RATIO = 0.1;
  /** Names the operator sets itself; a user's env must not shadow them. */
  static final Set<String> RESERVED = Set.of(
      "AGENT_TYPE", "AGENT_ID", "AGENT_PORT", "AGENT_UPSTREAMS",
      "CIRCUIT_BREAKER_ENABLED", "CIRCUIT_BREAKER_THRESHOLD", "CIRCUIT_BREAKER_CONFIG_FILE",
      "OTEL_SERVICE_NAME", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_TRACES_SAMPLER", "OTEL_TRACES_SAMPLER_ARG",
      "JAVA_TOOL_OPTIONS");

  private AgentEnvironment() {}

  static List<EnvVar> of(ProgressiveAgent agent) {
    var spec = agent.getSpec();
    var env = new ArrayList<EnvVar>();
    env.add(value("AGENT_TYPE", spec.getAgentType().id()));
    env.add(new EnvVarBuilder().withName("AGENT_ID")
        .withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name").endFieldRef().endValueFrom()
        .build());
    env.add(value("AGENT_PORT", String.valueOf(spec.getPort())));
    if (!spec.getUpstreams().isEmpty()) {
      env.add(value("AGENT_UPSTREAMS", spec.getUpstreams().stream()
          .map(u -> u.getName() + "=" + u.getUrl())
          .collect(Collectors.joining(","))));
    }
    var breaker = Optional.ofNullable(spec.getCircuitBreaker()).orElseGet(CircuitBreaker::new);
    env.add(value("CIRCUIT_BREAKER_ENABLED", String.valueOf(breaker.getEnabled())));
    env.add(value("CIRCUIT_BREAKER_THRESHOLD", String.valueOf(breaker.getThreshold())));
    env.add(value("CIRCUIT_BREAKER_CONFIG_FILE", CircuitBreakerConfig.FILE));
    env.addAll(tracing(agent));
    // Containers see the node's memory unless told otherwise; size the heap from the limit.
    env.add(value("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75"));
    env.addAll(spec.getEnv());
    return env;
  }

  private static List<EnvVar> tracing(ProgressiveAgent agent) {
    var tracing = Optional.ofNullable(agent.getSpec().getTracing()).orElseGet(Tracing::new);
    var env = new ArrayList<EnvVar>();
    env.add(value("OTEL_SERVICE_NAME", agent.getMetadata().getName()));
    if (tracing.getEndpoint() != null) {
      env.add(value("OTEL_EXPORTER_OTLP_ENDPOINT", tracing.getEndpoint()));
      // The runtime ships the HTTP exporter only; say so rather than rely on the SDK's default.
      env.add(value("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
    }
    env.add(value("OTEL_TRACES_SAMPLER", "parentbased_traceidratio"));
    env.add(value("OTEL_TRACES_SAMPLER_ARG",
        String.valueOf(Optional.ofNullable(tracing.getSamplingRatio()).orElse(DEFAULT_SAMPLING_RATIO))));
    return env;
  }

  private static EnvVar value(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }
}

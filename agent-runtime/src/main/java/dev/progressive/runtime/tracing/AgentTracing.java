package dev.progressive.runtime.tracing;

import dev.progressive.runtime.server.AgentConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.HashMap;
import java.util.Map;

/**
 * The agent's OpenTelemetry: the one given in the config, or an SDK built from the standard
 * {@code OTEL_*} env (exporter, endpoint, {@code OTEL_TRACES_SAMPLER} and
 * {@code OTEL_TRACES_SAMPLER_ARG} for the sampling ratio, resource attributes).
 */
public final class AgentTracing implements AutoCloseable {
  private static final String INSTRUMENTATION_SCOPE = "dev.progressive.runtime";

  private final OpenTelemetry openTelemetry;
  private final OpenTelemetrySdk ownedSdk;
  private final Tracer tracer;

  private AgentTracing(OpenTelemetry openTelemetry, OpenTelemetrySdk ownedSdk) {
    this.openTelemetry = openTelemetry;
    this.ownedSdk = ownedSdk;
    this.tracer = openTelemetry.getTracer(INSTRUMENTATION_SCOPE);
  }

  public static AgentTracing create(AgentConfig config) {
    if (config.openTelemetry().isPresent()) {
      return new AgentTracing(config.openTelemetry().get(), null);
    }
    if (!config.instrumentationEnabled()) {
      return new AgentTracing(OpenTelemetry.noop(), null);
    }
    OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> Map.of(
            // The OTel spec's default; the Java SDK's is grpc, which needs a sender this jar leaves out.
            "otel.exporter.otlp.protocol", "http/protobuf",
            "otel.service.name", "progressive-" + config.agentType().label(),
            "otel.resource.attributes", "agent.type=" + config.agentType().label()
                + ",agent.id=" + config.agentId() + ",service.version=" + config.version()))
        .addPropertiesCustomizer(AgentTracing::exportOnlyWhenAsked)
        // The server closes the SDK itself after draining, so spans of the last requests are flushed.
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
    return new AgentTracing(sdk, sdk);
  }

  /**
   * The autoconfigure default is to export traces, metrics and logs over OTLP to localhost, which
   * logs a connection error every few seconds where no collector runs. Traces are exported only
   * when an exporter or an endpoint is configured; metrics go to Prometheus and logs to stdout
   * unless their exporters are set explicitly.
   */
  private static Map<String, String> exportOnlyWhenAsked(ConfigProperties properties) {
    Map<String, String> overrides = new HashMap<>();
    boolean tracesAsked = properties.getString("otel.traces.exporter") != null
        || properties.getString("otel.exporter.otlp.endpoint") != null
        || properties.getString("otel.exporter.otlp.traces.endpoint") != null;
    if (!tracesAsked) {
      overrides.put("otel.traces.exporter", "none");
    }
    if (properties.getString("otel.metrics.exporter") == null) {
      overrides.put("otel.metrics.exporter", "none");
    }
    if (properties.getString("otel.logs.exporter") == null) {
      overrides.put("otel.logs.exporter", "none");
    }
    return overrides;
  }

  public Tracer tracer() {
    return tracer;
  }

  public TextMapPropagator propagator() {
    return openTelemetry.getPropagators().getTextMapPropagator();
  }

  /** What the SDK was built with (exporter, sampler, resource), for tests of the env handling. */
  String tracerProviderDescription() {
    return ownedSdk == null ? "none" : ownedSdk.getSdkTracerProvider().toString();
  }

  @Override
  public void close() {
    if (ownedSdk != null) {
      ownedSdk.close();
    }
  }
}

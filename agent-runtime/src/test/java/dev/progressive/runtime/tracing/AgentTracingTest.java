package dev.progressive.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.runtime.agents.AgentType;
import dev.progressive.runtime.server.AgentConfig;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK built from OTEL_* settings (given here as the equivalent system properties, which the
 * autoconfigure module reads the same way): no endpoint means no exporter at all.
 */
class AgentTracingTest {
  private static final Map<String, String> SETTINGS = Map.of(
      "otel.exporter.otlp.endpoint", "http://127.0.0.1:4318",
      "otel.traces.sampler", "parentbased_traceidratio",
      "otel.traces.sampler.arg", "0.25");

  @AfterEach
  void clear() {
    SETTINGS.keySet().forEach(System::clearProperty);
  }

  @Test
  void withoutEndpointOrExporterNothingIsExported() {
    try (AgentTracing tracing = AgentTracing.create(AgentConfig.builder(AgentType.NPA).build())) {
      String provider = tracing.tracerProviderDescription();
      assertThat(provider).doesNotContain("Otlp", "BatchSpanProcessor");
      assertThat(provider).contains("service.name=\"progressive-npa\"");
    }
  }

  @Test
  void anEndpointTurnsOtlpExportOnAndTheSamplerRatioApplies() {
    SETTINGS.forEach(System::setProperty);
    try (AgentTracing tracing = AgentTracing.create(AgentConfig.builder(AgentType.NPA).build())) {
      String provider = tracing.tracerProviderDescription();
      assertThat(provider).contains("OtlpHttpSpanExporter", "TraceIdRatioBased{0.250000}");
    }
  }

  @Test
  void instrumentationOffMeansNoTracing() {
    try (AgentTracing tracing = AgentTracing.create(
        AgentConfig.builder(AgentType.NPA).instrumentationEnabled(false).build())) {
      assertThat(tracing.tracer().spanBuilder("x").startSpan().getSpanContext().isValid()).isFalse();
    }
  }
}

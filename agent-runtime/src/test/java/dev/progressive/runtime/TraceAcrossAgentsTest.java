package dev.progressive.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.progressive.runtime.agents.AgentType;
import dev.progressive.runtime.server.AgentServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request through MCA to NPA is one trace: server span, client span, server span, each the
 * parent of the next, and both agents' JSON log lines carry that trace id.
 */
class TraceAcrossAgentsTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private OpenTelemetrySdk mcaSdk;
  private OpenTelemetrySdk npaSdk;
  private AgentServer npa;
  private AgentServer mca;
  private CapturedLogs logs;

  /** Each agent gets its own SDK, as in separate processes: only the traceparent header links them. */
  private OpenTelemetrySdk sdk() {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }

  @BeforeEach
  void start() {
    logs = new CapturedLogs();
    npaSdk = sdk();
    mcaSdk = sdk();
    npa = AgentServer.start(TestAgents.config(AgentType.NPA).agentId("npa-trace").openTelemetry(npaSdk).build());
    mca = AgentServer.start(TestAgents.config(AgentType.MCA).agentId("mca-trace").openTelemetry(mcaSdk)
        .upstreams(TestAgents.upstreams(npa)).build());
  }

  @AfterEach
  void stop() {
    mca.close();
    npa.close();
    mcaSdk.close();
    npaSdk.close();
    logs.close();
  }

  @Test
  void oneRequestThroughMcaToNpaIsOneTraceWithParentAndChild() {
    Http.Reply reply = Http.post(mca.uri(), "/api/v1/route",
        "{\"task\": \"meal_plan\", \"payload\": {\"calorieTarget\": 2100}}", Map.of("X-Correlation-ID", "trace-test-1"));
    assertThat(reply.status()).isEqualTo(200);

    await().until(() -> spans.getFinishedSpanItems().size() >= 3);
    List<SpanData> finished = spans.getFinishedSpanItems();
    SpanData mcaServer = only(finished, SpanKind.SERVER, "POST /api/v1/route");
    SpanData mcaClient = only(finished, SpanKind.CLIENT, "POST npa /api/v1/meal-plans");
    SpanData npaServer = only(finished, SpanKind.SERVER, "POST /api/v1/meal-plans");

    String traceId = mcaServer.getTraceId();
    assertThat(List.of(mcaClient.getTraceId(), npaServer.getTraceId())).containsOnly(traceId);
    assertThat(mcaServer.getParentSpanContext().isValid()).isFalse();
    assertThat(mcaClient.getParentSpanId()).isEqualTo(mcaServer.getSpanId());
    assertThat(npaServer.getParentSpanId()).isEqualTo(mcaClient.getSpanId());
    assertThat(npaServer.getAttributes().asMap().toString()).contains("http.route=/api/v1/meal-plans");
    assertThat(mcaClient.getAttributes().asMap().toString()).contains("http.response.status_code=200");

    List<JsonNode> lines = logs.json();
    JsonNode routed = lineWith(lines, "mca", "routed");
    JsonNode planned = lineWith(lines, "npa", "meal plan generated");
    assertThat(routed.path("trace_id").asText()).isEqualTo(traceId);
    assertThat(routed.path("span_id").asText()).isEqualTo(mcaServer.getSpanId());
    assertThat(planned.path("trace_id").asText()).isEqualTo(traceId);
    assertThat(planned.path("span_id").asText()).isEqualTo(npaServer.getSpanId());
    // The correlation id travels with the call too.
    assertThat(routed.path("correlation_id").asText()).isEqualTo("trace-test-1");
    assertThat(planned.path("correlation_id").asText()).isEqualTo("trace-test-1");
    for (JsonNode line : List.of(routed, planned)) {
      assertThat(line.fieldNames()).toIterable()
          .contains("timestamp", "level", "message", "agent_type", "agent_id", "trace_id", "span_id", "correlation_id");
    }
    assertThat(planned.path("agent_id").asText()).isEqualTo("npa-trace");
  }

  @Test
  void anIncomingTraceparentIsContinued() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    Http.Reply reply = Http.post(npa.uri(), "/api/v1/meal-plans", "{\"calorieTarget\": 2000}",
        Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
    assertThat(reply.status()).isEqualTo(200);

    await().until(() -> !spans.getFinishedSpanItems().isEmpty());
    SpanData server = spans.getFinishedSpanItems().get(0);
    assertThat(server.getTraceId()).isEqualTo(traceId);
    assertThat(server.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
  }

  @Test
  void everyLogLineIsOneJsonObject() {
    Http.post(npa.uri(), "/api/v1/meal-plans", "{\"calorieTarget\": 2000}");

    assertThat(logs.lines()).isNotEmpty().allSatisfy(line -> {
      assertThat(line).endsWith("\n");
      assertThat(line.strip()).doesNotContain("\n").startsWith("{").endsWith("}");
    });
    assertThat(logs.json()).allSatisfy(json -> assertThat(json.isObject()).isTrue());
  }

  private static SpanData only(List<SpanData> spans, SpanKind kind, String name) {
    List<SpanData> matching = spans.stream().filter(s -> s.getKind() == kind && s.getName().equals(name)).toList();
    assertThat(matching).as("%s span %s among %s", kind, name, spans).hasSize(1);
    return matching.get(0);
  }

  private static JsonNode lineWith(List<JsonNode> lines, String agentType, String messageStart) {
    return lines.stream()
        .filter(l -> l.path("agent_type").asText().equals(agentType))
        .filter(l -> l.path("message").asText().startsWith(messageStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + agentType + " line starting '" + messageStart + "' in " + lines));
  }
}

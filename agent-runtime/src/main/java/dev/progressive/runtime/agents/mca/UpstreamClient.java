package dev.progressive.runtime.agents.mca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.progressive.runtime.logging.LogFields;
import dev.progressive.runtime.server.Json;
import dev.progressive.runtime.tracing.AgentTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.MDC;

/**
 * JSON calls to upstream agents. Each call is a CLIENT span whose context travels in the W3C
 * {@code traceparent} header, and the caller's correlation id travels in {@code X-Correlation-ID}.
 */
final class UpstreamClient implements AutoCloseable {
  private static final TextMapSetter<HttpRequest.Builder> HEADERS =
      (builder, name, value) -> builder.header(name, value);

  /** An upstream's HTTP answer, whatever its status. */
  record Answer(int status, JsonNode body) {
  }

  private final HttpClient http;
  private final AgentTracing tracing;
  private final Duration timeout;

  UpstreamClient(AgentTracing tracing, Duration timeout) {
    this.tracing = tracing;
    this.timeout = timeout;
    // HTTP/1.1: the agents speak it, and the JDK client would otherwise try an h2c upgrade first.
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout.compareTo(Duration.ofSeconds(1)) < 0 ? timeout : Duration.ofSeconds(1))
        .build();
  }

  Answer post(Upstream upstream, String path, JsonNode body) throws IOException, InterruptedException {
    URI uri = URI.create(upstream.uri() + path);
    Span span = tracing.tracer().spanBuilder("POST " + upstream.agentType().label() + " " + path)
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute("http.request.method", "POST")
        .setAttribute("url.full", uri.toString())
        .setAttribute("server.address", uri.getHost())
        .setAttribute("server.port", (long) uri.getPort())
        .setAttribute("peer.service", upstream.name())
        .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri)
          .timeout(timeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
      tracing.propagator().inject(Context.current(), request, HEADERS);
      String correlationId = MDC.get(LogFields.CORRELATION_ID);
      if (correlationId != null) {
        request.header("X-Correlation-ID", correlationId);
      }
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      span.setAttribute("http.response.status_code", (long) response.statusCode());
      if (response.statusCode() >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
      return new Answer(response.statusCode(), parse(response.body()));
    } catch (IOException | InterruptedException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }

  /** Whether an upstream answers its readiness probe with 200 within the timeout. */
  boolean ready(Upstream upstream) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(upstream.uri() + "/health/ready"))
        .timeout(timeout)
        .GET()
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      JsonNode node = Json.MAPPER.readTree(bytes);
      return node == null ? JsonNodeFactory.instance.objectNode() : node;
    } catch (IOException e) {
      // An upstream that answers with something other than JSON (a proxy's error page) is passed on as text.
      return JsonNodeFactory.instance.objectNode().put("raw", new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    http.close();
  }
}

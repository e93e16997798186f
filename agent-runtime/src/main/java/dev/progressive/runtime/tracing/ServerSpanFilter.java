package dev.progressive.runtime.tracing;

import dev.progressive.runtime.logging.LogFields;
import dev.progressive.runtime.server.ApiScope;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.MDC;

/**
 * A SERVER span for every API request, continuing the caller's trace from its W3C
 * {@code traceparent} header. The span is current while the handler runs, so outgoing calls become
 * its children and log lines carry its trace and span ids.
 */
public final class ServerSpanFilter implements Filter {
  private static final TextMapGetter<ServerRequestHeaders> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(ServerRequestHeaders carrier) {
      List<String> names = new ArrayList<>();
      for (Header header : carrier) {
        names.add(header.name());
      }
      return names;
    }

    @Override
    public String get(ServerRequestHeaders carrier, String key) {
      return carrier == null ? null : carrier.first(HeaderNames.create(key)).orElse(null);
    }
  };

  private final AgentTracing tracing;
  private final String agentType;
  private final String agentId;

  public ServerSpanFilter(AgentTracing tracing, String agentType, String agentId) {
    this.tracing = tracing;
    this.agentType = agentType;
    this.agentId = agentId;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    if (!ApiScope.includes(req)) {
      chain.proceed();
      return;
    }
    String method = req.prologue().method().text();
    Context parent = tracing.propagator().extract(Context.root(), req.headers(), HEADERS);
    Span span = tracing.tracer().spanBuilder(method)
        .setParent(parent)
        .setSpanKind(SpanKind.SERVER)
        .setAttribute("http.request.method", method)
        .setAttribute("url.path", req.path().path())
        .setAttribute("agent.type", agentType)
        .setAttribute("agent.id", agentId)
        .startSpan();
    String correlationId = MDC.get(LogFields.CORRELATION_ID);
    if (correlationId != null) {
      span.setAttribute("correlation.id", correlationId);
    }
    try (Scope ignored = span.makeCurrent()) {
      LogFields.putSpan(span.getSpanContext());
      chain.proceed();
    } catch (RuntimeException e) {
      span.recordException(e);
      throw e;
    } finally {
      String route = ApiScope.endpoint(req);
      int status = res.status().code();
      span.updateName(method + " " + route);
      span.setAttribute("http.route", route);
      span.setAttribute("http.response.status_code", status);
      if (status >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
      span.end();
      LogFields.removeSpan();
    }
  }
}

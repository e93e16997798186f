package dev.progressive.runtime.logging;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * Puts the agent and the correlation id into every log line of a request. The correlation id comes
 * from {@code X-Correlation-ID} when the caller sent one, is made up otherwise, and is echoed back
 * so a client can quote it.
 */
public final class LogContextFilter implements Filter {
  public static final HeaderName CORRELATION_HEADER = HeaderNames.create("X-Correlation-ID");
  private static final int MAX_LENGTH = 128;

  private final String agentType;
  private final String agentId;

  public LogContextFilter(String agentType, String agentId) {
    this.agentType = agentType;
    this.agentId = agentId;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    String correlationId = req.headers().first(CORRELATION_HEADER)
        .filter(value -> !value.isBlank() && value.length() <= MAX_LENGTH)
        .orElseGet(() -> UUID.randomUUID().toString());
    LogFields.putAgent(agentType, agentId);
    MDC.put(LogFields.CORRELATION_ID, correlationId);
    res.header(CORRELATION_HEADER, correlationId);
    try {
      chain.proceed();
    } finally {
      MDC.clear();
    }
  }
}

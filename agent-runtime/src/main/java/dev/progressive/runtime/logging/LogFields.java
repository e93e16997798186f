package dev.progressive.runtime.logging;

import io.opentelemetry.api.trace.SpanContext;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * The fields every log line of an agent carries besides timestamp, level and message. They live in
 * the MDC because one JVM may host several agents (tests do), so they cannot be process-wide.
 */
public final class LogFields {
  public static final String AGENT_TYPE = "agent_type";
  public static final String AGENT_ID = "agent_id";
  public static final String CORRELATION_ID = "correlation_id";
  public static final String TRACE_ID = "trace_id";
  public static final String SPAN_ID = "span_id";

  private LogFields() {
  }

  public static void putAgent(String agentType, String agentId) {
    MDC.put(AGENT_TYPE, agentType);
    MDC.put(AGENT_ID, agentId);
  }

  public static void putSpan(SpanContext span) {
    if (span.isValid()) {
      MDC.put(TRACE_ID, span.getTraceId());
      MDC.put(SPAN_ID, span.getSpanId());
    }
  }

  public static void removeSpan() {
    MDC.remove(TRACE_ID);
    MDC.remove(SPAN_ID);
  }

  /** Runs a task on another thread with the caller's fields (fan-out calls keep their trace ids). */
  public static Runnable carry(Runnable task) {
    Callable<Void> callable = carry(() -> {
      task.run();
      return null;
    });
    return () -> {
      try {
        callable.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  /** The same for a task with a result. */
  public static <T> Callable<T> carry(Callable<T> task) {
    Map<String, String> fields = MDC.getCopyOfContextMap();
    return () -> {
      Map<String, String> previous = MDC.getCopyOfContextMap();
      if (fields != null) {
        MDC.setContextMap(fields);
      }
      try {
        return task.call();
      } finally {
        if (previous != null) {
          MDC.setContextMap(previous);
        } else {
          MDC.clear();
        }
      }
    };
  }
}

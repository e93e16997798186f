package dev.progressive.runtime.agents.mca;

import io.helidon.http.Status;
import java.time.Duration;

/** The MCA could not get an answer from any upstream of the type it needed. */
final class RoutingFailure extends RuntimeException {
  private final Status status;
  private final String error;
  private final String target;
  private final Duration retryAfter;

  RoutingFailure(Status status, String error, String target, String message, Duration retryAfter) {
    super(message);
    this.status = status;
    this.error = error;
    this.target = target;
    this.retryAfter = retryAfter;
  }

  Status status() {
    return status;
  }

  String error() {
    return error;
  }

  String target() {
    return target;
  }

  /** Set when every breaker was open: when the first will let a trial call through. */
  Duration retryAfter() {
    return retryAfter;
  }
}

package dev.progressive.operator.common;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import java.util.stream.Collectors;

/**
 * What a status condition says about an exception: its cause on one line, without stack frames.
 * java-operator-sdk logs every exception a reconcile throws with its stack trace, so the detail is in
 * the log and a reader of the status gets a line they can act on. Some messages are not fit for a
 * condition as they stand: java-operator-sdk's workflow error embeds each dependent's stack trace,
 * a wrapper repeats its cause, and the API server's answer comes with the whole request.
 */
public final class Failures {
  static final int MAX_LENGTH = 500;
  /** Guards against cause chains that loop. */
  private static final int MAX_DEPTH = 8;

  private Failures() {}

  public static String oneLine(Throwable failure) {
    var line = describe(failure, 0).replaceAll("\\s+", " ").strip();
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
  }

  private static String describe(Throwable failure, int depth) {
    if (failure instanceof AggregatedOperatorException workflow && !workflow.getAggregatedExceptions().isEmpty()) {
      // One entry per failed dependent, named as in the reconciler's @Workflow.
      return workflow.getAggregatedExceptions().entrySet().stream()
          .map(e -> e.getKey() + ": " + describe(e.getValue(), depth + 1))
          .collect(Collectors.joining("; "));
    }
    if (failure instanceof KubernetesClientException api && api.getStatus() != null && hasText(api.getStatus().getMessage())) {
      var status = api.getStatus();
      return api.getCode() + (hasText(status.getReason()) ? " " + status.getReason() : "") + ": " + firstLine(status.getMessage());
    }
    var own = hasText(failure.getMessage()) ? firstLine(failure.getMessage()) : "";
    var cause = failure.getCause();
    if (cause == null || depth >= MAX_DEPTH) {
      return own.isEmpty() ? failure.getClass().getSimpleName() : own;
    }
    var inner = describe(cause, depth + 1);
    // new RuntimeException(cause) takes the cause's toString as its message: it adds nothing.
    if (own.isEmpty() || failure.getMessage().equals(cause.toString())) {
      return inner;
    }
    return own.contains(inner) ? own : own.replaceFirst("[.:]\\s*$", "") + ": " + inner;
  }

  private static String firstLine(String message) {
    return message.strip().lines().findFirst().orElse("");
  }

  private static boolean hasText(String text) {
    return text != null && !text.isBlank();
  }
}

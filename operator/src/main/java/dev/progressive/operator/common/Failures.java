package dev.progressive.operator.common;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import java.net.HttpURLConnection;
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

  /**
   * Whether the failure is only writes that lost a race with another (409 Conflict: the object changed since it was
   * read), which java-operator-sdk retries at once from the fresh copy: not a failure to tell. A 409 AlreadyExists
   * (a name someone else took) is.
   */
  public static boolean onlyLostRaces(Throwable failure) {
    return lostRaces(failure, 0);
  }

  private static boolean lostRaces(Throwable failure, int depth) {
    if (failure instanceof AggregatedOperatorException workflow && !workflow.getAggregatedExceptions().isEmpty()) {
      return workflow.getAggregatedExceptions().values().stream().allMatch(e -> lostRaces(e, depth + 1));
    }
    if (failure instanceof KubernetesClientException api) {
      return api.getCode() == HttpURLConnection.HTTP_CONFLICT && api.getStatus() != null
          && "Conflict".equals(api.getStatus().getReason());
    }
    return failure.getCause() != null && depth < MAX_DEPTH && lostRaces(failure.getCause(), depth + 1);
  }

  private static String firstLine(String message) {
    return message.strip().lines().findFirst().orElse("");
  }

  private static boolean hasText(String text) {
    return text != null && !text.isBlank();
  }
}

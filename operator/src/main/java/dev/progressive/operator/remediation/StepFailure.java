package dev.progressive.operator.remediation;

import java.io.InterruptedIOException;

/** An exception a step threw, said in one line for the Incident's status; its stack trace belongs in the log. */
final class StepFailure {
  static final int MAX_LENGTH = 300;

  private StepFailure() {}

  /**
   * Whether the step was cut short because this operator is stopping (it interrupts its reconciles), not
   * because it failed: the run must not record a failure then, and whoever leads next resumes the step.
   */
  static boolean stopping(Throwable failure) {
    for (var cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedException || cause instanceof InterruptedIOException) {
        return true;
      }
    }
    return Thread.currentThread().isInterrupted();
  }

  static String describe(Throwable failure) {
    var message = failure.getMessage() == null ? "" : failure.getMessage().strip().lines().findFirst().orElse("");
    var line = failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 3) + "...";
  }
}

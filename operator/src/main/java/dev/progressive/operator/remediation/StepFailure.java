package dev.progressive.operator.remediation;

/** An exception a step threw, said in one line for the Incident's status; its stack trace belongs in the log. */
final class StepFailure {
  static final int MAX_LENGTH = 300;

  private StepFailure() {}

  static String describe(Throwable failure) {
    var message = failure.getMessage() == null ? "" : failure.getMessage().strip().lines().findFirst().orElse("");
    var line = failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 3) + "...";
  }
}

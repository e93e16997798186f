package dev.progressive.operator.agent;

/** One problem in a ProgressiveAgent's spec: the field's path and what to do about it. */
public record SpecViolation(String field, String message) {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}

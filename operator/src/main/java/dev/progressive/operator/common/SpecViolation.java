package dev.progressive.operator.common;

/** One problem in a custom resource: the field's path and what to do about it. */
public record SpecViolation(String field, String message) {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}

package dev.progressive.operator.monitoring;

import dev.progressive.operator.common.Durations;

/** Checks of generator inputs; each error names the field, as the custom resources call it. */
final class Validation {

  private Validation() {}

  static void requirePositive(String field, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(field + " must be positive, was " + Numbers.plain(value));
    }
  }

  static void requireBetween(String field, double value, double lowExclusive, double highExclusive) {
    if (!(value > lowExclusive && value < highExclusive)) {
      throw new IllegalArgumentException(field + " must be between " + Numbers.plain(lowExclusive) + " and "
          + Numbers.plain(highExclusive) + " (exclusive), was " + Numbers.plain(value));
    }
  }

  static void requireDuration(String field, String value) {
    Durations.parse(value, field);
  }

  static String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }
}

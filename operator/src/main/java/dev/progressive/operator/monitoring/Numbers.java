package dev.progressive.operator.monitoring;

import java.math.BigDecimal;

/** Numbers as people and PromQL read them: {@code 2}, not {@code 2.0}; {@code 0.001}, not {@code 1.0E-3}. */
final class Numbers {

  private Numbers() {}

  static String plain(double value) {
    return plain(BigDecimal.valueOf(value));
  }

  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  /** A ratio such as 0.05 as a percentage, {@code 5%}. */
  static String percent(double ratio) {
    return plain(BigDecimal.valueOf(ratio).movePointRight(2)) + "%";
  }

  static void requirePositive(String field, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(field + " must be positive, was " + plain(value));
    }
  }

  static void requireBetween(String field, double value, double lowExclusive, double highExclusive) {
    if (!(value > lowExclusive && value < highExclusive)) {
      throw new IllegalArgumentException(field + " must be between " + plain(lowExclusive) + " and "
          + plain(highExclusive) + " (exclusive), was " + plain(value));
    }
  }

  static String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }
}

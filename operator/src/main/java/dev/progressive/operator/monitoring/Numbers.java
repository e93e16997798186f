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
}

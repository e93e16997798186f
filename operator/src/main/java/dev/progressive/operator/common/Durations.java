package dev.progressive.operator.common;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses the short durations Kubernetes users write in specs: 500ms, 30s, 10m, 1h. */
public final class Durations {
  private static final Pattern FORMAT = Pattern.compile("^([0-9]+)(ms|s|m|h)$");

  private Durations() {}

  /** Why {@code text} is no duration of {@code field}, if it is none; a field left out is no problem. */
  public static Optional<SpecViolation> violation(String text, String field) {
    if (text == null || tryParse(text).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(new SpecViolation(field, "'" + text + "' is not a duration; write e.g. 30s, 10m or 1h"));
  }

  /** The duration, if {@code text} is one. */
  public static Optional<Duration> tryParse(String text) {
    try {
      return Optional.of(parse(text, "duration"));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static Duration parse(String text, String field) {
    var matcher = FORMAT.matcher(text == null ? "" : text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(field + ": '" + text + "' is not a duration; write e.g. 30s, 10m or 1h");
    }
    try {
      long amount = Long.parseLong(matcher.group(1));
      return switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(field + ": '" + text + "' is too long for a duration; write e.g. 30s, 10m or 1h", e);
    }
  }
}

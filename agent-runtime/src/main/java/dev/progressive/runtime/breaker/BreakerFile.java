package dev.progressive.runtime.breaker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The breaker file's format: one {@code key=value} or {@code key: value} per line (so a properties
 * file and a flat YAML map both work), {@code #} starts a comment. Keys: {@code enabled},
 * {@code threshold}, {@code open}, {@code retry_after_seconds}; a missing key keeps the env default.
 */
final class BreakerFile {
  private BreakerFile() {
  }

  static BreakerSettings parse(String text, BreakerSettings defaults) {
    Map<String, String> values = new HashMap<>();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.equals("---")) {
        continue;
      }
      int eq = line.indexOf('=');
      int colon = line.indexOf(':');
      int split = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
      if (split <= 0) {
        throw new IllegalArgumentException("line '" + line + "' is not key=value or key: value");
      }
      String value = line.substring(split + 1).strip();
      if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
          || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      }
      values.put(line.substring(0, split).strip().toLowerCase(Locale.ROOT), value);
    }
    return new BreakerSettings(
        bool(values, "enabled", defaults.enabled()),
        integer(values, "threshold", defaults.threshold()),
        bool(values, "open", defaults.forcedOpen()),
        values.containsKey("retry_after_seconds")
            ? Duration.ofSeconds(integer(values, "retry_after_seconds", 0))
            : defaults.retryAfter());
  }

  private static boolean bool(Map<String, String> values, String key, boolean fallback) {
    String value = values.get(key);
    if (value == null) {
      return fallback;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
    };
  }

  private static int integer(Map<String, String> values, String key, int fallback) {
    String value = values.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, was '" + value + "'");
    }
  }
}

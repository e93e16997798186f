package dev.progressive.operator.monitoring;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Not a parser: it strips what can hold other
 * identifiers (strings, label matchers, ranges, grouping clauses), then takes every identifier
 * that is not a function call or a keyword. promtool checks the syntax; this only names metrics.
 */
final class PromqlMetricNames {

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
  private static final Set<String> KEYWORDS = Set.of(
      "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right",
      "inf", "nan", "Inf", "NaN");

  private PromqlMetricNames() {}

  static Set<String> of(String expr) {
    String stripped = STRING.matcher(expr).replaceAll("\"\"");
    stripped = MATCHERS.matcher(stripped).replaceAll(" ");
    stripped = RANGE.matcher(stripped).replaceAll(" ");
    stripped = GROUPING.matcher(stripped).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher identifier = IDENTIFIER.matcher(stripped);
    while (identifier.find()) {
      boolean call = identifier.group(2) != null;
      if (!call && !KEYWORDS.contains(identifier.group(1))) {
        names.add(identifier.group(1));
      }
    }
    return names;
  }
}

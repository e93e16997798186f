package dev.progressive.operator.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Label keys and values as the Kubernetes API server checks them (apimachinery's IsQualifiedName and
 * IsValidLabelValue), for labels that users give and the operator puts on children or into their
 * selectors. Checked before use, a bad one is the user's InvalidSpec naming the key, rather than a
 * child the API server refuses on every reconcile or, on a server that does not check, a label that
 * no selector can match.
 */
public final class LabelSyntax {
  private static final int NAME_MAX = 63;
  private static final int PREFIX_MAX = 253;
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final String NAME_RULE = "letters, digits, '-', '_' and '.', beginning and ending with a letter or digit";

  private LabelSyntax() {}

  /** The problems of each entry, each named {@code field.key}; none for a missing map. */
  public static List<SpecViolation> check(String field, Map<String, ?> labels) {
    var violations = new ArrayList<SpecViolation>();
    if (labels != null) {
      labels.forEach((key, value) -> keyProblem(key).or(() -> valueProblem(value))
          .ifPresent(problem -> violations.add(new SpecViolation(field + "." + key, problem))));
    }
    return violations;
  }

  /** Only the entries the API server would accept on a label, in their order. */
  public static Map<String, String> valid(Map<String, ?> labels) {
    var valid = new LinkedHashMap<String, String>();
    if (labels != null) {
      labels.forEach((key, value) -> {
        if (keyProblem(key).isEmpty() && valueProblem(value).isEmpty()) {
          valid.put(key, (String) value);
        }
      });
    }
    return valid;
  }

  /** What is wrong with a label key: an optional DNS-subdomain prefix and '/', then a name. */
  static Optional<String> keyProblem(String key) {
    if (key == null || key.isEmpty()) {
      return Optional.of("a label key must not be empty");
    }
    var slash = key.indexOf('/');
    var name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      var prefix = key.substring(0, slash);
      if (prefix.isEmpty() || prefix.length() > PREFIX_MAX || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return Optional.of("the key's prefix \"" + prefix + "\" must be a DNS subdomain of at most " + PREFIX_MAX
            + " characters: lower-case letters, digits, '-' and '.'");
      }
    }
    if (name.isEmpty() || name.length() > NAME_MAX || !NAME.matcher(name).matches()) {
      return Optional.of("the key's name \"" + name + "\" must be 1 to " + NAME_MAX + " " + NAME_RULE);
    }
    return Optional.empty();
  }

  /** What is wrong with a label value: a string of at most 63 characters, empty or like a key's name. */
  static Optional<String> valueProblem(Object value) {
    if (!(value instanceof String text)) {
      return Optional.of("must be a string; got " + value);
    }
    if (text.length() > NAME_MAX) {
      return Optional.of("must be at most " + NAME_MAX + " characters; got " + text.length());
    }
    if (!text.isEmpty() && !NAME.matcher(text).matches()) {
      return Optional.of("must be empty or " + NAME_RULE + "; got \"" + text + "\"");
    }
    return Optional.empty();
  }
}

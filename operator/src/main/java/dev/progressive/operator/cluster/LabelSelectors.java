package dev.progressive.operator.cluster;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Kubernetes label selector semantics: matchLabels and matchExpressions, all of them must hold. */
public final class LabelSelectors {
  private LabelSelectors() {}

  /** Whether {@code selector} selects an object with {@code labels}; an empty selector selects everything. */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    var matchLabels = Objects.requireNonNullElse(selector.getMatchLabels(), Map.<String, String>of());
    var expressions = Objects.requireNonNullElse(selector.getMatchExpressions(), List.<LabelSelectorRequirement>of());
    // A value that is no string (a null in a hand-written selector) matches no label.
    return matchLabels.entrySet().stream().allMatch(e -> e.getValue() != null && e.getValue().equals(labels.get(e.getKey())))
        && expressions.stream().allMatch(e -> holds(e, labels));
  }

  private static boolean holds(LabelSelectorRequirement requirement, Map<String, String> labels) {
    var value = labels.get(requirement.getKey());
    var values = Objects.requireNonNullElse(requirement.getValues(), List.<String>of());
    return switch (requirement.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> false;
    };
  }
}

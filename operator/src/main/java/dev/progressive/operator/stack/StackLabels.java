package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.common.Labels;
import java.util.LinkedHashMap;
import java.util.Map;

/** Labels of a stack's children: the standard set, named after the stack, one component each. */
final class StackLabels {
  static final String NAME = "observability-stack";

  private StackLabels() {}

  static Map<String, String> standard(ObservabilityStack stack, String component) {
    return Labels.standard(NAME, component, stack);
  }

  static Map<String, String> selector(ObservabilityStack stack, String component) {
    var labels = new LinkedHashMap<>(Labels.selector(NAME, stack));
    labels.put(Labels.COMPONENT, component);
    return labels;
  }

  /** The standard labels plus the ones the cluster's Prometheus selects on; the standard ones win. */
  static Map<String, String> selectable(ObservabilityStack stack, String component, Map<String, String> selectorLabels) {
    var labels = new LinkedHashMap<>(selectorLabels);
    labels.putAll(standard(stack, component));
    return labels;
  }
}

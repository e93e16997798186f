package dev.progressive.operator.cluster;

import dev.progressive.operator.common.LabelSyntax;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import java.util.Optional;

/**
 * What one prometheus-operator {@code Prometheus} picks up, per kind of object: a selector on the
 * object's labels and one on its namespace's labels. As prometheus-operator reads them, a missing
 * object selector selects nothing, an empty one everything; a missing namespace selector means the
 * Prometheus's own namespace only, an empty one every namespace.
 */
public record PrometheusSelectors(
    String namespace, String name,
    LabelSelector serviceMonitors, LabelSelector serviceMonitorNamespaces,
    LabelSelector rules, LabelSelector ruleNamespaces) {

  /** The two kinds of object a Prometheus selects that the operator creates. */
  public enum Target {
    SERVICE_MONITOR("ServiceMonitor", "serviceMonitorSelector"),
    RULE("PrometheusRule", "ruleSelector");

    private final String kind;
    private final String field;

    Target(String kind, String field) {
      this.kind = kind;
      this.field = field;
    }

    public String kind() {
      return kind;
    }

    public String field() {
      return field;
    }
  }

  public static PrometheusSelectors of(GenericKubernetesResource prometheus, KubernetesSerialization serialization) {
    var spec = prometheus.getAdditionalProperties().get("spec") instanceof Map<?, ?> map ? map : Map.of();
    return new PrometheusSelectors(prometheus.getMetadata().getNamespace(), prometheus.getMetadata().getName(),
        selector(spec, "serviceMonitorSelector", serialization), selector(spec, "serviceMonitorNamespaceSelector", serialization),
        selector(spec, "ruleSelector", serialization), selector(spec, "ruleNamespaceSelector", serialization));
  }

  private static LabelSelector selector(Map<?, ?> spec, String field, KubernetesSerialization serialization) {
    var value = spec.get(field);
    return value == null ? null : serialization.convertValue(value, LabelSelector.class);
  }

  public String id() {
    return namespace + "/" + name;
  }

  /**
   * Whether this Prometheus looks for objects of {@code target} in a namespace with these labels.
   * When the namespace's labels could not be read, a namespace selector is given the benefit of the doubt.
   */
  public boolean watches(Target target, String objectNamespace, Optional<Map<String, String>> namespaceLabels) {
    var selector = target == Target.SERVICE_MONITOR ? serviceMonitorNamespaces : ruleNamespaces;
    if (selector == null) {
      return namespace.equals(objectNamespace);
    }
    return namespaceLabels.map(labels -> LabelSelectors.matches(selector, labels)).orElse(true);
  }

  public boolean selects(
      Target target, String objectNamespace, Optional<Map<String, String>> namespaceLabels, Map<String, String> labels) {
    var selector = objectSelector(target);
    return selector != null && watches(target, objectNamespace, namespaceLabels) && LabelSelectors.matches(selector, labels);
  }

  /**
   * The labels an object needs to be selected, as far as equality matchers tell. Only valid labels:
   * one the API server would refuse cannot be put on an object, and no object can carry it.
   */
  public Map<String, String> requiredLabels(Target target) {
    var selector = objectSelector(target);
    return selector == null ? Map.of() : LabelSyntax.valid(selector.getMatchLabels());
  }

  private LabelSelector objectSelector(Target target) {
    return target == Target.SERVICE_MONITOR ? serviceMonitors : rules;
  }
}

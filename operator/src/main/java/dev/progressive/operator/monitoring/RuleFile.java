package dev.progressive.operator.monitoring;

import java.util.List;
import java.util.Map;

/**
 * Rule groups in the one shape that both consumers read: a Prometheus rule file ({@code groups:})
 * and the {@code spec} of a PrometheusRule ({@code monitoring.coreos.com/v1}).
 */
public record RuleFile(List<RuleGroup> groups) {

  public RuleFile {
    groups = List.copyOf(groups);
  }

  /** The content of a rule file for Prometheus's {@code rule_files}. */
  public String toYaml() {
    return Serialization.yaml(this);
  }

  /** The {@code spec} of a PrometheusRule holding these groups. */
  public Map<String, Object> toPrometheusRuleSpec() {
    return Serialization.asMap(this);
  }
}

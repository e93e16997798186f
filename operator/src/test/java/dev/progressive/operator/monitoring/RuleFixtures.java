package dev.progressive.operator.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The generator inputs that the promtool unit tests under {@code monitoring/} were written for. */
final class RuleFixtures {

  static final String NAMESPACE = "progressive";

  private RuleFixtures() {}

  static RuleFile agentAlerts() {
    return new RuleFile(List.of("mca", "npa", "wpa", "bma").stream()
        .map(type -> AgentAlertRules.group(AgentAlertSettings.withSeedThresholds(NAMESPACE, type, type)))
        .toList());
  }

  static RuleFile systemAlerts() {
    return new RuleFile(SystemAlertRules.groups(SystemAlertSettings.withSeedThresholds(NAMESPACE)));
  }

  static RuleFile sloAlerts() {
    return new RuleFile(List.of(SloBurnRateRules.group(
        SloTarget.forAgent(NAMESPACE, "npa", "npa", 99.9, new BigDecimal("0.5")))));
  }

  /** Every generator with inputs other than the seed's, in one file. */
  static RuleFile nonDefault() {
    AgentAlertThresholds strict = new AgentAlertThresholds(1.5, 0.02, 768, 2);
    List<RuleGroup> groups = new ArrayList<>(List.of(
        AgentAlertRules.group(new AgentAlertSettings("shop", "control", "mca", strict)),
        AgentAlertRules.group(new AgentAlertSettings("shop", "custom-agent", "custom", strict)),
        SloBurnRateRules.group(SloTarget.forNamespace("shop", 99.95, new BigDecimal("2"))),
        SloBurnRateRules.group(SloTarget.forAgent("shop", "control", "mca", 99, null))));
    groups.addAll(SystemAlertRules.groups(
        new SystemAlertSettings("shop", 99.5, 0.25, 60, 10, "pg-exporter", "cache-exporter")));
    return new RuleFile(groups);
  }
}

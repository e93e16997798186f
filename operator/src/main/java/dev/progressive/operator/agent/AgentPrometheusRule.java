package dev.progressive.operator.agent;

import dev.progressive.operator.api.AlertThresholds;
import dev.progressive.operator.api.Monitoring;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.OptionalApi;
import dev.progressive.operator.cluster.PrometheusRule;
import dev.progressive.operator.monitoring.AgentAlertRules;
import dev.progressive.operator.monitoring.AgentAlertSettings;
import dev.progressive.operator.monitoring.AgentAlertThresholds;
import dev.progressive.operator.monitoring.RuleFile;
import dev.progressive.operator.monitoring.RuleGroup;
import dev.progressive.operator.monitoring.SloBurnRateRules;
import dev.progressive.operator.monitoring.SloTarget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;

/** Desired PrometheusRule of an agent: the seed's alerts that concern it, and its SLO burn-rate rules. */
public final class AgentPrometheusRule {
  private AgentPrometheusRule() {}

  public static PrometheusRule desired(ProgressiveAgent agent, MonitoringSetup setup) {
    return OptionalApi.withSpec(new PrometheusRule(), agent.getMetadata().getName(), agent.getMetadata().getNamespace(),
        AgentServiceMonitor.labels(agent, setup.ruleLabels()), rules(agent).toPrometheusRuleSpec());
  }

  /** The rules alone, as `render` writes them to a file for a Prometheus without the operator. */
  public static RuleFile rules(ProgressiveAgent agent) {
    var meta = agent.getMetadata();
    var type = agent.getSpec().getAgentType().id();
    var monitoring = Optional.ofNullable(agent.getSpec().getMonitoring());
    var thresholds = monitoring.map(Monitoring::getAlerts).map(AgentPrometheusRule::withSeedDefaults).orElse(AgentAlertThresholds.SEED);
    var groups = new ArrayList<RuleGroup>();
    groups.add(AgentAlertRules.group(new AgentAlertSettings(meta.getNamespace(), meta.getName(), type, thresholds)));
    monitoring.map(Monitoring::getSlo).ifPresent(slo -> groups.add(SloBurnRateRules.group(SloTarget.forAgent(
        meta.getNamespace(), meta.getName(), type, slo.getAvailability(),
        slo.getLatencyP95() == null ? null : BigDecimal.valueOf(slo.getLatencyP95())))));
    return new RuleFile(groups);
  }

  /** The thresholds the rule generator takes: the spec's, with the seed's where unset. */
  private static AgentAlertThresholds withSeedDefaults(AlertThresholds alerts) {
    var seed = AgentAlertThresholds.SEED;
    return new AgentAlertThresholds(
        Objects.requireNonNullElse(alerts.getResponseTimeP95Seconds(), seed.responseTimeP95Seconds()),
        Objects.requireNonNullElse(alerts.getErrorRatio(), seed.errorRatio()),
        Objects.requireNonNullElse(alerts.getMemoryMiB(), seed.memoryMiB()),
        Objects.requireNonNullElse(alerts.getFailuresPer10m(), seed.failuresPer10m()));
  }
}

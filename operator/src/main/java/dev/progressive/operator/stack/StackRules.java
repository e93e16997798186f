package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.OptionalApi;
import dev.progressive.operator.cluster.PrometheusRule;
import dev.progressive.operator.monitoring.Heartbeat;
import dev.progressive.operator.monitoring.RuleFile;
import dev.progressive.operator.monitoring.RuleGroup;
import dev.progressive.operator.monitoring.SloBurnRateRules;
import dev.progressive.operator.monitoring.SloTarget;
import dev.progressive.operator.monitoring.SystemAlertRules;
import dev.progressive.operator.monitoring.SystemAlertSettings;
import java.math.BigDecimal;
import java.util.ArrayList;

/**
 * The namespace's system-wide rules: the seed's SLA and infrastructure groups, the SLO burn-rate rules
 * of spec.sla and the operator's {@link Heartbeat}.
 */
public final class StackRules {
  static final String COMPONENT = "rules";

  private StackRules() {}

  public static String name(ObservabilityStack stack) {
    return stack.getMetadata().getName() + "-system";
  }

  public static PrometheusRule desired(ObservabilityStack stack, MonitoringSetup setup) {
    return OptionalApi.withSpec(new PrometheusRule(), name(stack), stack.getMetadata().getNamespace(),
        StackLabels.selectable(stack, COMPONENT, setup.ruleLabels()), rules(stack).toPrometheusRuleSpec());
  }

  public static RuleFile rules(ObservabilityStack stack) {
    var namespace = stack.getMetadata().getNamespace();
    var sla = stack.getSpec().getSla();
    var seed = SystemAlertSettings.withSeedThresholds(namespace);
    var settings = new SystemAlertSettings(namespace, sla.getAvailability(), sla.getLatencyP95(), seed.podCpuPercent(),
        seed.podRestartsPerHour(), seed.postgresJob(), seed.redisJob());
    var groups = new ArrayList<RuleGroup>(SystemAlertRules.groups(settings));
    groups.add(SloBurnRateRules.group(SloTarget.forNamespace(namespace, sla.getAvailability(), BigDecimal.valueOf(sla.getLatencyP95()))));
    groups.add(Heartbeat.group(namespace));
    return new RuleFile(groups);
  }
}

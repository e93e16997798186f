package dev.progressive.operator.dev;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.monitoring.Rule;
import dev.progressive.operator.monitoring.RuleFile;
import dev.progressive.operator.monitoring.RuleGroup;
import dev.progressive.operator.monitoring.SystemAlertRules;
import dev.progressive.operator.monitoring.SystemAlertSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operator's alert rules for a local Prometheus, as {@code render --plain-prometheus} writes them:
 * each agent's rules (its PrometheusRule's), and each namespace's system rules (its
 * ObservabilityStack's, or the seed's SLA and infrastructure groups where it has none), with the
 * generated thresholds and {@code for} durations and two changes so that a
 * fault shows within seconds and an incident ends within a minute or so instead of ten:
 * <ul>
 *   <li>every group is evaluated each second;</li>
 *   <li>the business failure alerts ({@link #SHORT_WINDOW_ALERTS}) count failures over
 *       {@link #FAILURE_WINDOW} instead of 10 minutes: with the seed's window, an alert fired by a
 *       burst of failures resolves only ten minutes after the last one.</li>
 * </ul>
 */
public final class LocalAlertRules {
  public static final String EVALUATION_INTERVAL = "1s";
  public static final String FAILURE_WINDOW = "20s";
  public static final Set<String> SHORT_WINDOW_ALERTS =
      Set.of("NPAMealPlanGenerationFailure", "WPAWorkoutRecommendationFailure");
  private static final String SEED_FAILURE_WINDOW = "[10m]";

  private LocalAlertRules() {}

  public static String yaml(Collection<ProgressiveAgent> agents, Collection<ObservabilityStack> stacks, GeneratedRules generated) {
    var groups = new ArrayList<RuleGroup>();
    var namespaces = new TreeSet<String>();
    for (var agent : agents) {
      namespaces.add(agent.getMetadata().getNamespace());
      groups.addAll(generated.agent().apply(agent).groups());
    }
    for (var stack : stacks) {
      namespaces.remove(stack.getMetadata().getNamespace());
      groups.addAll(generated.stack().apply(stack).groups());
    }
    namespaces.forEach(namespace -> groups.addAll(SystemAlertRules.groups(SystemAlertSettings.withSeedThresholds(namespace))));
    return new RuleFile(groups.stream().map(LocalAlertRules::quicker).toList()).toYaml();
  }

  private static RuleGroup quicker(RuleGroup group) {
    List<Rule> rules = group.rules().stream().map(rule -> rule.alert() != null && SHORT_WINDOW_ALERTS.contains(rule.alert())
        ? new Rule(rule.record(), rule.alert(), shortWindow(rule), rule.forDuration(), rule.labels(), rule.annotations())
        : rule).toList();
    return new RuleGroup(group.name(), EVALUATION_INTERVAL, rules);
  }

  private static String shortWindow(Rule rule) {
    if (!rule.expr().contains(SEED_FAILURE_WINDOW)) {
      throw new IllegalStateException(rule.alert() + " no longer counts over " + SEED_FAILURE_WINDOW + ": " + rule.expr());
    }
    return rule.expr().replace(SEED_FAILURE_WINDOW, "[" + FAILURE_WINDOW + "]");
  }
}

package dev.progressive.operator.agent;

import static dev.progressive.operator.api.ProgressiveAgentStatus.RULES_LOADED;
import static dev.progressive.operator.common.Conditions.of;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.PrometheusApi.RuleGroupState;
import dev.progressive.operator.monitoring.RuleGroup;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's {@code RulesLoaded} condition: every rule group the operator generated for the agent
 * is loaded in Prometheus, each rule evaluates without error, and the group was evaluated within
 * two of its intervals (one missed evaluation is jitter; two mean the rule manager is stuck).
 */
final class RulesLoadedCondition {
  static final String REASON_HEALTHY = "AllRulesHealthy";
  static final String REASON_MISSING = "RuleGroupMissing";
  static final String REASON_UNHEALTHY = "RuleUnhealthy";
  static final String REASON_STALE = "EvaluationStale";

  private record Problem(String reason, String message) {}

  private RulesLoadedCondition() {}

  static Condition from(ProgressiveAgent agent, PrometheusReport report) {
    if (report.snapshot().isEmpty()) {
      return ScrapedCondition.off(RULES_LOADED);
    }
    var snapshot = report.snapshot().get();
    if (snapshot.failure().isPresent()) {
      return ScrapedCondition.unreachable(RULES_LOADED, snapshot);
    }
    var expected = AgentPrometheusRule.rules(agent).groups().stream().map(RuleGroup::name).toList();
    var problems = new ArrayList<Problem>();
    for (var name : expected) {
      var loaded = snapshot.groups().stream().filter(g -> g.name().equals(name)).findFirst();
      if (loaded.isEmpty()) {
        problems.add(new Problem(REASON_MISSING, "rule group " + name + " is not loaded: likely no Prometheus selects"
            + " PrometheusRule " + agent.getMetadata().getName() + " (see condition Monitored)"));
      } else {
        problems.addAll(problems(loaded.get(), snapshot.readAt()));
      }
    }
    if (problems.isEmpty()) {
      return of(RULES_LOADED, true, REASON_HEALTHY, "Rule group(s) " + String.join(", ", expected)
          + " loaded and evaluated without error in Prometheus " + snapshot.url());
    }
    return of(RULES_LOADED, false, problems.get(0).reason(),
        String.join("; ", problems.stream().map(Problem::message).toList()));
  }

  private static List<Problem> problems(RuleGroupState group, Instant readAt) {
    var problems = new ArrayList<Problem>();
    group.rules().stream().filter(r -> "err".equals(r.health())).forEach(rule -> problems.add(new Problem(REASON_UNHEALTHY,
        "rule group " + group.name() + ", rule " + rule.name() + ": " + rule.lastError())));
    var staleBefore = readAt.minus(group.interval().multipliedBy(2));
    if (group.lastEvaluation().filter(at -> at.isAfter(staleBefore)).isEmpty()) {
      problems.add(new Problem(REASON_STALE, "rule group " + group.name() + group.lastEvaluation()
          .map(at -> " was last evaluated at " + at + ", more than two intervals (" + group.interval().toSeconds() + "s) ago")
          .orElse(" has not been evaluated yet")));
    }
    return problems;
  }
}

package dev.progressive.operator.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seed's alerts that concern one agent, rewritten onto the metric contract. Every expression
 * selects the agent's namespace and scrape job (and {@code agent_type} where the series carry it),
 * so that one agent's PrometheusRule never alerts on another agent's series, also of its own type
 * in its namespace. Every alert carries the seed's {@code namespace}, {@code agent_type} and
 * {@code service}, and {@code agent}, the agent's name, which remediation resolves its target from.
 */
public final class AgentAlertRules {
  /** The label that names the agent an alert is about. */
  public static final String AGENT_LABEL = "agent";

  private static final String RUNBOOKS = "https://docs.progressive-framework.com/runbooks/";
  private static final String ERRORS = "5..";

  private AgentAlertRules() {}

  /** The rule group of one agent: the alerts common to all agents plus those of its type. */
  public static RuleGroup group(AgentAlertSettings agent) {
    List<Rule> rules = new ArrayList<>();
    switch (agent.agentType()) {
      case "mca" -> rules.addAll(List.of(highResponseTime(agent), highErrorRate(agent), agentDown(agent)));
      case "npa" -> rules.add(businessFailures(agent, "NPAMealPlanGenerationFailure", ".*meal.*plan.*",
          "NPA meal plan generation failures", "meal plan generation failures"));
      case "wpa" -> rules.add(businessFailures(agent, "WPAWorkoutRecommendationFailure", ".*workout.*",
          "WPA workout recommendation failures", "workout recommendation failures"));
      default -> { }
    }
    rules.add(unhealthy(agent));
    rules.add(highMemory(agent));
    return new RuleGroup(agent.namespace() + ".agent." + agent.agentName() + ".rules", "30s", rules);
  }

  private static Rule highResponseTime(AgentAlertSettings agent) {
    String threshold = Numbers.plain(agent.thresholds().responseTimeP95Seconds());
    String expr = "histogram_quantile(0.95, sum by (namespace, agent_type, le) (rate("
        + agentSeries(agent, MetricContract.REQUEST_DURATION + "_bucket") + "[5m]))) > " + threshold;
    return Rule.alert("MCAHighResponseTime", expr, "2m",
        labels(agent, "warning", "control-plane"),
        Map.of("summary", "MCA response time is high",
            "description", "MCA 95th percentile response time is {{ $value | humanizeDuration }}, above the " + threshold + "s threshold",
            "runbook_url", RUNBOOKS + "mca-performance"));
  }

  private static Rule highErrorRate(AgentAlertSettings agent) {
    double ratio = agent.thresholds().errorRatio();
    String expr = "sum by (namespace, agent_type) (rate("
        + agentSeries(agent, MetricContract.REQUESTS).matches("status_code", ERRORS) + "[5m]))"
        + " / sum by (namespace, agent_type) (rate(" + agentSeries(agent, MetricContract.REQUESTS) + "[5m]))"
        + " > " + Numbers.plain(ratio);
    return Rule.alert("MCAHighErrorRate", expr, "1m",
        labels(agent, "critical", "control-plane"),
        Map.of("summary", "MCA error rate is high",
            "description", "MCA error rate is {{ $value | humanizePercentage }}, above the "
                + Numbers.percent(ratio) + " threshold",
            "runbook_url", RUNBOOKS + "mca-errors"));
  }

  private static Rule agentDown(AgentAlertSettings agent) {
    String expr = agentTargets(agent, "up") + " == 0";
    return Rule.alert("MCAAgentDown", expr, "1m",
        labels(agent, "critical", "control-plane"),
        Map.of("summary", "MCA is down",
            "description", "Master Control Agent {{ $labels.instance }} has been down for more than 1 minute",
            "runbook_url", RUNBOOKS + "mca-down"));
  }

  private static Rule unhealthy(AgentAlertSettings agent) {
    return Rule.alert("AgentUnhealthy", agentSeries(agent, MetricContract.HEALTH) + " < 1", "2m",
        labels(agent, "warning", "agents"),
        Map.of("summary", "Agent {{ $labels.agent_type }} is unhealthy",
            "description", "Agent {{ $labels.agent_type }} ({{ $labels.agent_id }}) has been unhealthy for more than 2 minutes"));
  }

  private static Rule highMemory(AgentAlertSettings agent) {
    String threshold = Numbers.plain(agent.thresholds().memoryMiB());
    String expr = agentTargets(agent, "process_resident_memory_bytes") + " / 1024 / 1024 > " + threshold;
    return Rule.alert("AgentHighMemoryUsage", expr, "5m",
        labels(agent, "warning", "agents"),
        Map.of("summary", "Agent " + agent.agentType() + " high memory usage",
            "description", "Agent " + agent.agentType() + " ({{ $labels.pod }}) is using {{ $value }}MB of memory, above the "
                + threshold + "MB threshold"));
  }

  /** Failures of one kind of request, summed over the agent's replicas and endpoints. */
  private static Rule businessFailures(
      AgentAlertSettings agent, String name, String endpointRegex, String summary, String what) {
    String threshold = Numbers.plain(agent.thresholds().failuresPer10m());
    String failures = agentSeries(agent, MetricContract.REQUESTS)
        .matches("endpoint", endpointRegex).matches("status_code", ERRORS).toString();
    String expr = "sum by (namespace, agent_type) (increase(" + failures + "[10m])) > " + threshold;
    Map<String, String> labels = Map.of(
        "severity", "warning", "service", agent.agentType(), "agent_type", agent.agentType(),
        "business_impact", "high", AGENT_LABEL, agent.agentName());
    return Rule.alert(name, expr, "0m", labels,
        Map.of("summary", summary,
            "description", agent.agentType().toUpperCase() + " has had {{ $value }} " + what
                + " in the last 10 minutes"));
  }

  /** The agent's own series (see {@link SloTarget#agentSelector}), not those of another agent of its type. */
  private static SeriesSelector agentSeries(AgentAlertSettings agent, String metric) {
    return SeriesSelector.of(metric).eq(SloTarget.agentSelector(agent.namespace(), agent.agentName(), agent.agentType()));
  }

  /**
   * Series that carry only the scrape target's labels ({@code up}, the client library's
   * {@code process_*}): the agent's scrape job, which a ServiceMonitor names after its Service,
   * picks them. Alert templates see only series labels, hence the agent type in plain text.
   */
  private static SeriesSelector agentTargets(AgentAlertSettings agent, String metric) {
    return SeriesSelector.of(metric).eq(Map.of("namespace", agent.namespace(), "job", agent.agentName()));
  }

  /** The seed's labels, and {@code agent}, which names the agent to remediation even beside another of its type. */
  private static Map<String, String> labels(AgentAlertSettings agent, String severity, String tier) {
    return Map.of("severity", severity, "service", agent.agentType(), "agent_type", agent.agentType(),
        "tier", tier, AGENT_LABEL, agent.agentName());
  }
}

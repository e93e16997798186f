package dev.progressive.operator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What promtool cannot see: inputs flowing into expressions, validation, and the PrometheusRule shape. */
class RuleGenerationTest {

  @Test
  void agentThresholdsFlowIntoTheExpressions() {
    RuleGroup group = AgentAlertRules.group(
        new AgentAlertSettings("shop", "control", "mca", new AgentAlertThresholds(1.5, 0.02, 768, 2)));

    assertThat(expr(group, "MCAHighResponseTime")).endsWith("> 1.5");
    assertThat(expr(group, "MCAHighErrorRate")).endsWith("> 0.02");
    assertThat(expr(group, "AgentHighMemoryUsage")).endsWith("> 768");
    assertThat(expr(group, "MCAAgentDown")).isEqualTo("up{job=\"control\",namespace=\"shop\"} == 0");
    assertThat(rule(group, "MCAHighErrorRate").annotations().get("description")).contains("above the 2% threshold");
  }

  @Test
  void eachAgentTypeGetsTheSeedAlertsThatConcernIt() {
    assertThat(alerts("mca")).containsExactly(
        "MCAHighResponseTime", "MCAHighErrorRate", "MCAAgentDown", "AgentUnhealthy", "AgentHighMemoryUsage");
    assertThat(alerts("npa")).containsExactly("NPAMealPlanGenerationFailure", "AgentUnhealthy", "AgentHighMemoryUsage");
    assertThat(alerts("wpa")).containsExactly("WPAWorkoutRecommendationFailure", "AgentUnhealthy", "AgentHighMemoryUsage");
    assertThat(alerts("bma")).containsExactly("AgentUnhealthy", "AgentHighMemoryUsage");
  }

  @Test
  void everyAgentAlertCarriesTheLabelsRemediationResolvesItsTargetFrom() {
    RuleGroup group = AgentAlertRules.group(AgentAlertSettings.withSeedThresholds("shop", "nutrition", "npa"));

    assertThat(group.rules()).allSatisfy(rule -> {
      assertThat(rule.labels()).containsEntry("agent_type", "npa").containsEntry("service", "npa");
      assertThat(rule.expr()).contains("namespace=\"shop\"");
    });
  }

  @Test
  void systemThresholdsFlowIntoTheExpressions() {
    List<RuleGroup> groups = SystemAlertRules.groups(
        new SystemAlertSettings("shop", 99.5, 0.25, 60, 10, "pg-exporter", "cache-exporter"));

    assertThat(expr(groups.get(0), "SystemAvailabilityBelow99_9")).endsWith("< 0.995");
    assertThat(expr(groups.get(0), "AverageResponseTimeAboveSLA")).endsWith("> 0.25");
    assertThat(expr(groups.get(1), "PostgreSQLDown")).contains("job=\"pg-exporter\"");
    assertThat(expr(groups.get(1), "RedisDown")).contains("redis_up{job=\"cache-exporter\"");
    assertThat(expr(groups.get(1), "HighPodCPUUsage")).endsWith("> 60");
    assertThat(expr(groups.get(1), "PodRestartLoop")).endsWith("> 10");
  }

  @Test
  void burnRateThresholdsAreTheBudgetTimesTheFactor() {
    RuleGroup group = SloBurnRateRules.group(SloTarget.forNamespace("shop", 99.5, new BigDecimal("1")));

    assertThat(group.rules().stream().filter(rule -> "ErrorBudgetBurn".equals(rule.alert())).map(Rule::expr))
        .containsExactly(
            "(slo:agent_request_errors:ratio_rate1h{slo=\"shop\"} > 0.072 and slo:agent_request_errors:ratio_rate5m{slo=\"shop\"} > 0.072)"
                + " or (slo:agent_request_errors:ratio_rate6h{slo=\"shop\"} > 0.03 and slo:agent_request_errors:ratio_rate30m{slo=\"shop\"} > 0.03)",
            "(slo:agent_request_errors:ratio_rate1d{slo=\"shop\"} > 0.015 and slo:agent_request_errors:ratio_rate2h{slo=\"shop\"} > 0.015)"
                + " or (slo:agent_request_errors:ratio_rate3d{slo=\"shop\"} > 0.005 and slo:agent_request_errors:ratio_rate6h{slo=\"shop\"} > 0.005)");
    assertThat(group.rules().stream().filter(rule -> rule.record() != null).map(Rule::record)).contains(
        "slo:agent_request_slow:ratio_rate5m", "slo:agent_request_slow:ratio_rate3d", "slo:agent_request_errors:ratio_rate30d");
    assertThat(recording(group, "slo:agent_request_slow:ratio_rate5m")).contains("le=~\"1(\\\\.0+)?\"");
  }

  @Test
  void sloWithoutLatencyTargetHasNoLatencyRules() {
    RuleGroup group = SloBurnRateRules.group(SloTarget.forAgent("shop", "control", "mca", 99, null));

    assertThat(group.rules()).extracting(rule -> rule.alert() != null ? rule.alert() : rule.record())
        .noneMatch(name -> name.contains("slow") || name.contains("Latency"))
        .hasSize(10);
  }

  @Test
  void latencyTargetMustBeABucketBound() {
    assertThatThrownBy(() -> SloTarget.forAgent("shop", "control", "mca", 99.9, new BigDecimal("0.3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("latencyP95 0.3 is not a bucket bound of agent_request_duration_seconds")
        .hasMessageContaining("0.25, 0.5, 1, 2, 2.5");
    assertThat(SloTarget.forAgent("shop", "control", "mca", 99.9, new BigDecimal("2.50")).latencyP95())
        .isEqualByComparingTo("2.5");
  }

  @Test
  void sloTargetRejectsWhatWouldMakeMeaninglessRules() {
    assertThatThrownBy(() -> SloTarget.forNamespace("shop", 100, null))
        .hasMessageStartingWith("availability must be between 0 and 100");
    assertThatThrownBy(() -> new SloTarget("x", 99.9, null, Map.of("agent_type", "npa")))
        .hasMessageStartingWith("selector must include namespace");
    assertThatThrownBy(() -> new SloTarget("x", 99.9, null, Map.of("namespace", "a", "agent-type", "npa")))
        .hasMessageContaining("agent-type");
    assertThatThrownBy(() -> new AgentAlertThresholds(2, 1.5, 1024, 5))
        .hasMessageStartingWith("errorRatio must be between 0 and 1");
  }

  @Test
  void ruleFileAndPrometheusRuleSpecHaveTheSameGroups() throws Exception {
    RuleFile file = RuleFixtures.agentAlerts();
    JsonNode fromYaml = Serialization.YAML.readTree(file.toYaml());
    JsonNode spec = Serialization.JSON.valueToTree(file.toPrometheusRuleSpec());

    assertThat(spec).isEqualTo(fromYaml);
    assertThat(spec.at("/groups/0/rules/0/for").asText()).isEqualTo("2m");
    assertThat(spec.at("/groups/0/rules/0/record").isMissingNode()).isTrue();
    assertThat(spec.at("/groups/0/name").asText()).isEqualTo("progressive.agent.mca.rules");
  }

  private static List<String> alerts(String agentType) {
    return AgentAlertRules.group(AgentAlertSettings.withSeedThresholds("shop", agentType, agentType)).rules().stream()
        .map(Rule::alert).toList();
  }

  private static Rule rule(RuleGroup group, String alert) {
    return group.rules().stream().filter(rule -> alert.equals(rule.alert())).findFirst().orElseThrow();
  }

  private static String expr(RuleGroup group, String alert) {
    return rule(group, alert).expr();
  }

  private static String recording(RuleGroup group, String record) {
    return group.rules().stream().filter(rule -> record.equals(rule.record())).findFirst().orElseThrow().expr();
  }
}

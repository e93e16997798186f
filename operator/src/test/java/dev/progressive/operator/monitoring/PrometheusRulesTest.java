package dev.progressive.operator.monitoring;

import static dev.progressive.operator.monitoring.ExternalTool.promtool;
import static dev.progressive.operator.monitoring.ExternalTool.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated rules, checked and unit-tested by the real promtool. */
class PrometheusRulesTest {

  @TempDir Path dir;

  static Stream<Arguments> unitTests() {
    return Stream.of(
        Arguments.of("agent-alerts", (Supplier<RuleFile>) RuleFixtures::agentAlerts),
        Arguments.of("system-alerts", (Supplier<RuleFile>) RuleFixtures::systemAlerts),
        Arguments.of("slo-alerts", (Supplier<RuleFile>) RuleFixtures::sloAlerts));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unitTests")
  void generatedRulesPassTheirPromtoolUnitTests(String name, Supplier<RuleFile> rules) throws IOException {
    Files.writeString(dir.resolve(name + ".rules.yml"), rules.get().toYaml());
    Path tests = dir.resolve(name + ".test.yml");
    Files.writeString(tests, resource(name + ".test.yml"));

    assertThat(succeed(promtool(dir, "test", "rules", tests.getFileName().toString()))).contains("SUCCESS");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unitTests")
  void unitTestsShowEveryGeneratedAlertFiringAndQuiet(String name, Supplier<RuleFile> rules) throws IOException {
    Set<String> generated = alertNames(rules.get());
    Set<String> firing = new TreeSet<>();
    Set<String> quiet = new TreeSet<>();
    for (JsonNode test : Serialization.YAML.readTree(resource(name + ".test.yml")).get("tests")) {
      for (JsonNode check : test.path("alert_rule_test")) {
        (check.path("exp_alerts").isEmpty() ? quiet : firing).add(check.get("alertname").asText());
      }
    }
    assertThat(firing).as("alerts shown firing").isEqualTo(generated);
    assertThat(quiet).as("alerts shown quiet").isEqualTo(generated);
  }

  @Test
  void seedAlertNamesAreAllGenerated() {
    Set<String> names = new TreeSet<>(alertNames(RuleFixtures.agentAlerts()));
    names.addAll(alertNames(RuleFixtures.systemAlerts()));

    assertThat(names).containsExactlyInAnyOrder("MCAHighResponseTime", "MCAHighErrorRate", "MCAAgentDown",
        "AgentUnhealthy", "AgentHighMemoryUsage", "NPAMealPlanGenerationFailure", "WPAWorkoutRecommendationFailure",
        "SystemAvailabilityBelow99_9", "AverageResponseTimeAboveSLA", "PostgreSQLDown", "RedisDown",
        "HighPodCPUUsage", "PodRestartLoop");
  }

  static Stream<Arguments> ruleFiles() {
    return Stream.of(
        Arguments.of("seed thresholds", RuleFixtures.agentAlerts(), 13),
        Arguments.of("seed system groups", RuleFixtures.systemAlerts(), 6),
        Arguments.of("seed SLO", RuleFixtures.sloAlerts(), 19),
        Arguments.of("non-default inputs", RuleFixtures.nonDefault(), 42));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ruleFiles")
  void generatedRuleFilesPassPromtoolCheck(String name, RuleFile rules, int count) throws IOException {
    Path file = Files.writeString(dir.resolve("rules.yml"), rules.toYaml());

    assertThat(succeed(promtool(dir, "check", "rules", file.toString()))).contains(count + " rules found");
  }

  private static Set<String> alertNames(RuleFile file) {
    Set<String> names = new TreeSet<>();
    file.groups().forEach(group -> group.rules().stream().filter(rule -> rule.alert() != null)
        .forEach(rule -> names.add(rule.alert())));
    return names;
  }

  static String resource(String name) throws IOException {
    try (InputStream in = PrometheusRulesTest.class.getResourceAsStream("/monitoring/" + name)) {
      assertThat(in).as("test resource monitoring/" + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

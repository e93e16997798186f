package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.OperatorHarness;
import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentStatus;
import dev.progressive.operator.common.Closer;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.monitoring.Rule;
import dev.progressive.operator.monitoring.RuleFile;
import dev.progressive.operator.monitoring.RuleGroup;
import dev.progressive.operator.remediation.RemediationSettings;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator checks its agents with a real Prometheus (Debian's binary): agent npa has two pods
 * that Prometheus scrapes with the labels a ServiceMonitor gives them, and its generated rule group
 * with a recording rule added that fails at evaluation; agent wpa has its rules and no target.
 */
class PrometheusVerificationIntegrationTest {
  private static final Duration SCRAPE = Duration.ofSeconds(2);
  private static final Closer started = new Closer();
  private static OperatorHarness harness;
  private static MetricsEndpoint secondPod;

  @BeforeAll
  static void startPrometheusAndTheOperator(@TempDir Path directory) throws IOException {
    var npa = Agents.agent("npa", AgentType.NPA);
    var wpa = Agents.agent("wpa", AgentType.WPA);
    var firstPod = started.add(MetricsEndpoint.start());
    secondPod = started.add(MetricsEndpoint.start());
    var prometheus = started.add(RealPrometheus.start(directory, SCRAPE,
        List.of(pod(firstPod, "npa-7d9f-a"), pod(secondPod, "npa-7d9f-b")), rules(npa, wpa)));
    var settings = ProgressiveOperator.Settings.embedded()
        .withRemediation(RemediationSettings.defaults().withPrometheus(Optional.of(prometheus.url())))
        .withPrometheusReads(Duration.ofSeconds(1));
    harness = started.add(OperatorHarness.start(settings));
    var client = harness.client();
    client.resource(new NamespaceBuilder().withNewMetadata().withName("team-a").endMetadata().build()).create();
    Stream.of(npa, wpa).forEach(agent -> {
      agent.getMetadata().setGeneration(null);
      client.resource(agent).create();
    });
  }

  @AfterAll
  static void stop() {
    started.close();
  }

  @Test
  void anAgentWhoseTargetsAreUpIsScrapedAndOneTargetDownIsTargetsDown() {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      var status = status("npa");
      assertThat(condition(status, ProgressiveAgentStatus.SCRAPED).getReason()).isEqualTo(ScrapedCondition.REASON_UP);
      assertThat(status.getMonitoring().getScraped()).isEqualTo("2/2");
      assertThat(status.getMonitoring().getLastScrape()).isNotNull();
    });

    secondPod.close();

    await().atMost(SCRAPE.multipliedBy(3)).untilAsserted(() -> {
      var status = status("npa");
      var scraped = condition(status, ProgressiveAgentStatus.SCRAPED);
      assertThat(scraped.getStatus()).isEqualTo("False");
      assertThat(scraped.getReason()).isEqualTo(ScrapedCondition.REASON_DOWN);
      assertThat(scraped.getMessage()).startsWith("1/2 targets up; npa-7d9f-b: ").contains("connection refused");
      assertThat(status.getMonitoring().getScraped()).isEqualTo("1/2");
    });
  }

  @Test
  void aRuleFailingAtEvaluationIsRuleUnhealthyWithPrometheusError() {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      var rules = condition(status("npa"), ProgressiveAgentStatus.RULES_LOADED);
      assertThat(rules.getStatus()).isEqualTo("False");
      assertThat(rules.getReason()).isEqualTo(RulesLoadedCondition.REASON_UNHEALTHY);
      assertThat(rules.getMessage()).startsWith("rule group team-a.agent.npa.rules, rule npa:broken: ")
          .contains("many-to-many matching not allowed");
    });
  }

  @Test
  void anAgentWithHealthyRulesAndNoTargetIsRulesLoadedButNotScraped() {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      var status = status("wpa");
      assertThat(condition(status, ProgressiveAgentStatus.RULES_LOADED).getReason()).isEqualTo(RulesLoadedCondition.REASON_HEALTHY);
      assertThat(condition(status, ProgressiveAgentStatus.SCRAPED).getReason()).isEqualTo(ScrapedCondition.REASON_NONE);
      assertThat(status.getMonitoring().getScraped()).isEqualTo("0/0");
    });
  }

  private static RealPrometheus.Scrape pod(MetricsEndpoint endpoint, String pod) {
    return new RealPrometheus.Scrape(endpoint.port(), Map.of("namespace", "team-a", "job", "npa", "service", "npa", "pod", pod));
  }

  /** The agents' generated groups, evaluated every second; npa's with a rule that fails on its two series of up. */
  private static RuleFile rules(ProgressiveAgent npa, ProgressiveAgent wpa) {
    var groups = new ArrayList<RuleGroup>();
    for (var group : AgentPrometheusRule.rules(npa).groups()) {
      var rules = new ArrayList<>(group.rules());
      rules.add(Rule.recording("npa:broken", "up * on() up", Map.of()));
      groups.add(new RuleGroup(group.name(), "1s", rules));
    }
    AgentPrometheusRule.rules(wpa).groups().forEach(group -> groups.add(new RuleGroup(group.name(), "1s", group.rules())));
    return new RuleFile(groups);
  }

  private static ProgressiveAgentStatus status(String name) {
    var agent = harness.client().resources(ProgressiveAgent.class).inNamespace("team-a").withName(name).get();
    assertThat(agent.getStatus()).isNotNull();
    return agent.getStatus();
  }

  private static Condition condition(ProgressiveAgentStatus status, String type) {
    var condition = Conditions.find(status.getConditions(), type);
    assertThat(condition).as(type).isPresent();
    return condition.get();
  }
}

package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.ProgressiveAgentStatus;
import dev.progressive.operator.api.ScrapeStatus;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.PrometheusAnswers;
import dev.progressive.operator.cluster.PrometheusApi.RuleGroupState;
import dev.progressive.operator.cluster.PrometheusApi.RuleState;
import dev.progressive.operator.cluster.PrometheusApi.Target;
import dev.progressive.operator.cluster.PrometheusSnapshot;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.common.SpecViolation;
import io.fabric8.kubernetes.api.model.Condition;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Scraped and RulesLoaded on the answers of each Prometheus version (see PrometheusAnswers). */
class PrometheusConditionsTest {
  private static final String URL = "http://prometheus-operated.monitoring:9090";
  private static final Instant RECORDED = Instant.parse("2026-12-02T09:57:01Z");
  private static final String NPA_GROUP = "team-a.agent.npa.rules";

  @ParameterizedTest
  @EnumSource(PrometheusAnswers.class)
  void oneTargetDownIsTargetsDownWithPrometheusLastError(PrometheusAnswers answers) throws IOException {
    var scraped = ScrapedCondition.from(Agents.agent("npa", AgentType.NPA), report(answers.targetsOneDown(), List.of()));

    assertCondition(scraped.condition(), "False", ScrapedCondition.REASON_DOWN);
    assertThat(scraped.condition().getMessage()).startsWith("1/2 targets up; npa-7d9f-x: Get \"http://127.0.0.1:19182/metrics\"")
        .endsWith("connection refused");
    var status = scraped.status().orElseThrow();
    assertThat(status.getScraped()).isEqualTo("1/2");
    assertThat(status.getTargetsUp()).isEqualTo(1);
    assertThat(status.getTargetsTotal()).isEqualTo(2);
    assertThat(status.getLastScrape()).isEqualTo("2026-12-02T09:57:00Z");
  }

  @Test
  void everyTargetUpIsAllTargetsUp() {
    var targets = List.of(target("npa-1", true), target("npa-2", true));

    var scraped = ScrapedCondition.from(Agents.agent("npa", AgentType.NPA), report(targets, List.of()));

    assertCondition(scraped.condition(), "True", ScrapedCondition.REASON_UP);
    assertThat(scraped.status().orElseThrow().getScraped()).isEqualTo("2/2");
  }

  @Test
  void theLastScrapeShownMovesOnOnlyWhenTheCountsChangeOrItIsFiveMinutesBehind() {
    var targets = List.of(target("npa-1", true), target("npa-2", true));
    var newest = RECORDED.minusSeconds(1);

    assertThat(lastScrapeShown(shown(2, 2, newest.minusSeconds(60)), targets)).as("a minute behind, the same counts")
        .isEqualTo(newest.minusSeconds(60).toString());
    assertThat(lastScrapeShown(shown(2, 2, newest.minus(ScrapedCondition.LAST_SCRAPE_REFRESH)), targets))
        .as("five minutes behind").isEqualTo(newest.toString());
    assertThat(lastScrapeShown(shown(1, 2, newest.minusSeconds(60)), targets)).as("the counts changed")
        .isEqualTo(newest.toString());
    assertThat(lastScrapeShown(Optional.empty(), targets)).as("nothing shown yet").isEqualTo(newest.toString());
  }

  private static String lastScrapeShown(Optional<ScrapeStatus> before, List<Target> targets) {
    var agent = Agents.agent("npa", AgentType.NPA);
    before.ifPresent(monitoring -> {
      agent.setStatus(new ProgressiveAgentStatus());
      agent.getStatus().setMonitoring(monitoring);
    });
    return ScrapedCondition.from(agent, report(targets, List.of())).status().orElseThrow().getLastScrape();
  }

  private static Optional<ScrapeStatus> shown(int up, int total, Instant lastScrape) {
    return Optional.of(new ScrapeStatus(up, total, lastScrape.toString()));
  }

  @Test
  void targetsAreTheAgentsByItsPodsEvenUnderAnotherJob() {
    var byPod = new Target(Map.of("namespace", "team-a", "pod", "npa-7d9f-a", "job", "kubernetes-pods"), true, "", Optional.empty());
    var otherNamespace = new Target(Map.of("namespace", "team-b", "job", "npa"), true, "", Optional.empty());
    var snapshot = PrometheusSnapshot.read(URL, RECORDED, List.of(byPod, otherNamespace), List.of(), List.of());

    var scraped = ScrapedCondition.from(Agents.agent("npa", AgentType.NPA),
        new PrometheusReport(Optional.of(snapshot), Set.of("npa-7d9f-a")));

    assertThat(scraped.status().orElseThrow().getScraped()).isEqualTo("1/1");
  }

  @ParameterizedTest
  @EnumSource(PrometheusAnswers.class)
  void noTargetOfTheAgentNamesTheLikelyCauses(PrometheusAnswers answers) throws IOException {
    var scraped = ScrapedCondition.from(Agents.agent("wpa", AgentType.WPA), report(answers.targetsOneDown(), List.of()));

    assertCondition(scraped.condition(), "False", ScrapedCondition.REASON_NONE);
    assertThat(scraped.condition().getMessage()).contains("no Prometheus selects ServiceMonitor wpa").contains("port is not named http");
    assertThat(scraped.status().orElseThrow().getScraped()).isEqualTo("0/0");
  }

  @Test
  void withoutAPrometheusBothAreUnknownAndSayHowToTurnTheCheckOn() {
    var agent = Agents.agent("npa", AgentType.NPA);

    var scraped = ScrapedCondition.from(agent, PrometheusReport.OFF);
    var rules = RulesLoadedCondition.from(agent, PrometheusReport.OFF);

    for (var condition : List.of(scraped.condition(), rules)) {
      assertCondition(condition, "Unknown", ScrapedCondition.REASON_OFF);
      assertThat(condition.getMessage()).contains("spec.prometheus.url").contains("--prometheus-url");
    }
    assertThat(scraped.status()).isEmpty();
  }

  @Test
  void anUnreachablePrometheusIsUnknownWithTheUrlAndCause() {
    var report = new PrometheusReport(Optional.of(PrometheusSnapshot.unreachable(URL, RECORDED, "ConnectException: Connection refused")),
        Set.of());

    var scraped = ScrapedCondition.from(Agents.agent("npa", AgentType.NPA), report);

    assertCondition(scraped.condition(), "Unknown", ScrapedCondition.REASON_UNREACHABLE);
    assertThat(scraped.condition().getMessage()).isEqualTo("Cannot read Prometheus " + URL + ": ConnectException: Connection refused");
    assertCondition(RulesLoadedCondition.from(Agents.agent("npa", AgentType.NPA), report), "Unknown", ScrapedCondition.REASON_UNREACHABLE);
  }

  @ParameterizedTest
  @EnumSource(PrometheusAnswers.class)
  void aRuleFailingAtEvaluationIsRuleUnhealthyNamingGroupRuleAndPrometheusError(PrometheusAnswers answers) throws IOException {
    var rules = RulesLoadedCondition.from(Agents.agent("npa", AgentType.NPA), report(List.of(), answers.rulesWithFailingRule()));

    assertCondition(rules, "False", RulesLoadedCondition.REASON_UNHEALTHY);
    assertThat(rules.getMessage()).startsWith("rule group " + NPA_GROUP + ", rule npa:broken: found duplicate series")
        .contains("many-to-many matching not allowed");
  }

  @ParameterizedTest
  @EnumSource(PrometheusAnswers.class)
  void aGroupThatIsNotLoadedIsRuleGroupMissing(PrometheusAnswers answers) throws IOException {
    var rules = RulesLoadedCondition.from(Agents.agent("wpa", AgentType.WPA), report(List.of(), answers.rulesWithFailingRule()));

    assertCondition(rules, "False", RulesLoadedCondition.REASON_MISSING);
    assertThat(rules.getMessage()).startsWith("rule group team-a.agent.wpa.rules is not loaded");
  }

  @Test
  void aGroupLastEvaluatedMoreThanTwoIntervalsAgoIsEvaluationStale() {
    var group = new RuleGroupState(NPA_GROUP, Duration.ofSeconds(30), Optional.of(RECORDED.minusSeconds(61)),
        List.of(new RuleState("NPAAgentDown", "ok", "", Optional.of(RECORDED.minusSeconds(61)))));

    var rules = RulesLoadedCondition.from(Agents.agent("npa", AgentType.NPA), report(List.of(), List.of(group)));

    assertCondition(rules, "False", RulesLoadedCondition.REASON_STALE);
    assertThat(rules.getMessage()).contains(NPA_GROUP).contains("more than two intervals (30s) ago");
  }

  @Test
  void healthyGroupsEvaluatedWithinTwoIntervalsAreAllRulesHealthy() {
    var group = new RuleGroupState(NPA_GROUP, Duration.ofSeconds(30), Optional.of(RECORDED.minusSeconds(59)),
        List.of(new RuleState("NPAAgentDown", "ok", "", Optional.of(RECORDED.minusSeconds(59)))));

    var rules = RulesLoadedCondition.from(Agents.agent("npa", AgentType.NPA), report(List.of(), List.of(group)));

    assertCondition(rules, "True", RulesLoadedCondition.REASON_HEALTHY);
  }

  @ParameterizedTest
  @EnumSource(PrometheusAnswers.class)
  void theStatusCarriesBothConditionsAndTheScrapeCounts(PrometheusAnswers answers) throws IOException {
    var agent = Agents.agent("npa", AgentType.NPA);
    var seen = new AgentStatus.Observation(List.of(), new AgentDeployments(Optional.empty(), Optional.empty()), Optional.empty(), ActiveMitigations.NONE,
        MonitoringSetup.none("team-a"), Optional.empty(), Optional.empty(), Optional.empty(),
        report(answers.targetsOneDown(), answers.rulesWithFailingRule()));

    var status = AgentStatus.desired(agent, seen);

    assertThat(status.getConditions()).extracting(Condition::getType)
        .contains(ProgressiveAgentStatus.SCRAPED, ProgressiveAgentStatus.RULES_LOADED);
    assertThat(status.getMonitoring().getScraped()).isEqualTo("1/2");
  }

  @ParameterizedTest
  @EnumSource(PrometheusAnswers.class)
  void anInvalidSpecLeavesRulesLoadedUnknownAndNoSloStatus(PrometheusAnswers answers) throws IOException {
    var agent = Agents.agent("npa", AgentType.NPA);
    var seen = new AgentStatus.Observation(List.of(new SpecViolation("spec.monitoring.slo.availability", "must be from 50 to 99.999")),
        new AgentDeployments(Optional.empty(), Optional.empty()), Optional.empty(), ActiveMitigations.NONE, MonitoringSetup.none("team-a"), Optional.empty(), Optional.empty(), Optional.empty(),
        report(answers.targetsOneDown(), answers.rulesWithFailingRule()));

    var status = AgentStatus.desired(agent, seen);

    var rules = Conditions.find(status.getConditions(), ProgressiveAgentStatus.RULES_LOADED).orElseThrow();
    assertCondition(rules, "Unknown", Conditions.INVALID_SPEC);
    assertThat(status.getSlo()).isNull();
  }

  private static PrometheusReport report(List<Target> targets, List<RuleGroupState> groups) {
    return new PrometheusReport(Optional.of(PrometheusSnapshot.read(URL, RECORDED, targets, groups, List.of())), Set.of());
  }

  private static Target target(String pod, boolean up) {
    return new Target(Map.of("namespace", "team-a", "job", "npa", "service", "npa", "pod", pod), up, "",
        Optional.of(RECORDED.minusSeconds(1)));
  }

  private static void assertCondition(Condition condition, String status, String reason) {
    assertThat(condition.getStatus()).as(condition.getMessage()).isEqualTo(status);
    assertThat(condition.getReason()).as(condition.getMessage()).isEqualTo(reason);
  }
}

package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.Guardrails;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepAction;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApprovalPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final List<String> ONE = List.of("npa");
  private static final List<String> FOUR = List.of("npa", "mca", "tsa", "dca");
  private final Guardrails guardrails = new Guardrails();

  @ParameterizedTest
  @EnumSource(StepAction.class)
  void noStepOfAnyKindNeedsApprovalOnOneAgentInAQuietNamespace(StepAction kind) {
    assertThat(needs(new Step(kind), ONE, openedAgo(Duration.ofMinutes(1), 5))).isEmpty();
  }

  @Test
  void aStepThatSaysApprovalRequiredNeedsIt() {
    var step = new Step(StepAction.NOTIFY);
    step.setApproval(Step.Approval.required);
    assertThat(needs(step, ONE, List.of())).singleElement().satisfies(need -> {
      assertThat(need.reason()).isEqualTo(ApprovalPolicy.REQUIRED);
      assertThat(need.why()).isEqualTo("the step says approval: required");
    });
  }

  @Test
  void aStepThatWouldChangeMoreAgentsThanMaxTargetsNeedsIt() {
    assertThat(needs(new Step(StepAction.SCALE), FOUR, List.of())).singleElement().satisfies(need -> {
      assertThat(need.reason()).isEqualTo(ApprovalPolicy.TOO_MANY_TARGETS);
      assertThat(need.why()).isEqualTo("4 targets, more than maxTargets=3");
    });
    assertThat(needs(new Step(StepAction.SCALE), FOUR.subList(0, 3), List.of())).as("three is not more than three").isEmpty();
    guardrails.setMaxTargets(4);
    assertThat(needs(new Step(StepAction.SCALE), FOUR, List.of())).isEmpty();
  }

  @Test
  void stepsThatOnlyReadAgentsNeedNoApprovalHoweverManyTheyRead() {
    for (var kind : List.of(StepAction.DIAGNOSTICS, StepAction.VERIFY, StepAction.NOTIFY, StepAction.ESCALATE)) {
      assertThat(needs(new Step(kind), FOUR, List.of())).as("%s", kind).isEmpty();
    }
  }

  @Test
  void inAStormEveryDisruptiveStepNeedsIt() {
    var storm = openedAgo(Duration.ofMinutes(9), 6);
    assertThat(needs(new Step(StepAction.RESTART), ONE, storm)).singleElement().satisfies(need -> {
      assertThat(need.reason()).isEqualTo(ApprovalPolicy.STORM);
      assertThat(need.why()).isEqualTo(
          "6 Incidents opened in the namespace within 10m, more than stormThreshold=5, and restart is disruptive");
    });
    assertThat(needs(new Step(StepAction.QUARANTINE_UNHEALTHY), ONE, storm)).extracting(ApprovalPolicy.Need::reason)
        .containsExactly(ApprovalPolicy.STORM);
    assertThat(needs(new Step(StepAction.SCALE), ONE, storm)).as("scaling only ever adds replicas").isEmpty();
    assertThat(needs(new Step(StepAction.CIRCUIT_BREAKER), ONE, storm)).isEmpty();
    assertThat(needs(new Step(StepAction.RESTART), List.of(), storm)).as("a step on no agent disrupts nothing").isEmpty();
  }

  @Test
  void theStormCountsOnlyIncidentsOpenedWithinTheWindowAndMoreThanTheThreshold() {
    assertThat(needs(new Step(StepAction.RESTART), ONE, openedAgo(Duration.ofMinutes(1), 5))).isEmpty();
    var some = openedAgo(Duration.ofMinutes(11), 4);
    var recent = openedAgo(Duration.ofMinutes(1), 3);
    assertThat(needs(new Step(StepAction.RESTART), ONE, concat(some, recent))).as("older ones are out of the window").isEmpty();
    guardrails.setStormWindow("1h");
    assertThat(needs(new Step(StepAction.RESTART), ONE, concat(some, recent))).hasSize(1);
    guardrails.setStormThreshold(7);
    assertThat(needs(new Step(StepAction.RESTART), ONE, concat(some, recent))).isEmpty();
  }

  @Test
  void everyReasonThatAppliesIsGivenExplicitFirst() {
    var step = new Step(StepAction.RESTART);
    step.setApproval(Step.Approval.required);
    assertThat(needs(step, FOUR, openedAgo(Duration.ZERO, 6))).extracting(ApprovalPolicy.Need::reason)
        .containsExactly(ApprovalPolicy.REQUIRED, ApprovalPolicy.TOO_MANY_TARGETS, ApprovalPolicy.STORM);
  }

  private List<ApprovalPolicy.Need> needs(Step step, List<String> targets, List<Instant> created) {
    return ApprovalPolicy.needs(step, targets, guardrails, created, NOW);
  }

  private static List<Instant> openedAgo(Duration ago, int count) {
    return Collections.nCopies(count, NOW.minus(ago));
  }

  private static List<Instant> concat(List<Instant> a, List<Instant> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}

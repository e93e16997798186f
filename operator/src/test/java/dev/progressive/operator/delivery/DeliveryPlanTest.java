package dev.progressive.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.progressive.operator.api.Delivery;
import dev.progressive.operator.api.Delivery.Strategy;
import dev.progressive.operator.delivery.DeliveryPlan.CanaryStep;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryPlanTest {

  @Test
  void withoutDeliveryAnAgentWithAnSloRollsOutByCanaryWithTheDefaults() {
    DeliveryPlan plan = DeliveryPlan.of(AgentSpecs.spec(null, 99.9));

    assertThat(plan.strategy()).isEqualTo(Strategy.CANARY);
    assertThat(plan.steps()).containsExactly(new IntOrString(1), new IntOrString("50%"), new IntOrString("100%"));
    assertThat(plan.interval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(plan.window()).isEqualTo("2m");
    assertThat(plan.minRequests()).isEqualTo(50);
    assertThat(plan.maxErrorRatioIncrease()).isEqualTo(0.01);
    assertThat(plan.maxLatencyP95Increase()).isEqualTo(0.1);
    assertThat(plan.errorBudget()).hasValueSatisfying(budget -> assertThat(budget).isEqualByComparingTo("0.001"));
  }

  @Test
  void withoutDeliveryTheWindowHoldsTwoScrapesOfASlowlyScrapedAgent() {
    var spec = AgentSpecs.spec(null, 99.9);
    spec.getMonitoring().setScrapeInterval("90s");

    DeliveryPlan plan = DeliveryPlan.of(spec);

    assertThat(plan.window()).isEqualTo("180s");
    assertThat(plan.interval()).isEqualTo(Duration.ofMinutes(3));
    spec.getMonitoring().setScrapeInterval("1m");
    assertThat(DeliveryPlan.of(spec).window()).as("two scrapes fit the default").isEqualTo("2m");
  }

  @Test
  void withoutAnSloTheDefaultIsAllAtOnce() {
    DeliveryPlan plan = DeliveryPlan.of(AgentSpecs.spec(null, null));

    assertThat(plan.strategy()).isEqualTo(Strategy.ALL_AT_ONCE);
    assertThat(plan.errorBudget()).isEmpty();
    assertThat(plan.steps(4)).containsExactly(new CanaryStep(0, 4, true));
  }

  @Test
  void theSpecsValuesWinAndFieldsTheApiServerLeftOutTakeTheirDefaults() {
    Delivery delivery = new Delivery();
    delivery.setStrategy(Strategy.CANARY);
    delivery.setSteps(null);
    delivery.setInterval("5m");
    delivery.setMinRequests(null);
    delivery.setMaxErrorRatioIncrease(0.05);
    delivery.setMaxLatencyP95Increase(null);

    DeliveryPlan plan = DeliveryPlan.of(AgentSpecs.spec(delivery, null));

    assertThat(plan.strategy()).as("canary also without an SLO, when asked for").isEqualTo(Strategy.CANARY);
    assertThat(plan.steps()).hasSize(3);
    assertThat(plan.interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(plan.minRequests()).isEqualTo(50);
    assertThat(plan.maxErrorRatioIncrease()).isEqualTo(0.05);
    assertThat(plan.maxLatencyP95Increase()).isEqualTo(0.1);
  }

  @Test
  void theDefaultStepsLeaveTheStableAtLeastOnePodUntilThePromotion() {
    DeliveryPlan plan = DeliveryPlan.of(AgentSpecs.spec(null, 99.9));

    assertThat(plan.steps(10)).containsExactly(
        new CanaryStep(0, 1, false), new CanaryStep(1, 5, false), new CanaryStep(2, 10, true));
    assertThat(plan.steps(3)).extracting(CanaryStep::canaryPods).containsExactly(1, 2, 3);
    assertThat(plan.steps(2)).extracting(CanaryStep::canaryPods).containsExactly(1, 1, 2);
  }

  @Test
  void aSingleReplicaAgentRunsItsCanaryPodBesideTheStableOne() {
    assertThat(DeliveryPlan.of(AgentSpecs.spec(null, 99.9)).steps(1)).containsExactly(
        new CanaryStep(0, 1, false), new CanaryStep(1, 1, false), new CanaryStep(2, 1, true));
  }

  @Test
  void anAgentWithNoReplicasHasNothingToMeasureAndPromotesAtOnce() {
    assertThat(DeliveryPlan.of(AgentSpecs.spec(null, 99.9)).steps(0)).containsExactly(new CanaryStep(0, 0, true));
  }

  @Test
  void percentagesRoundUpAndCountsAreCappedBelowTheReplicas() {
    DeliveryPlan plan = DeliveryPlan.of(AgentSpecs.spec(steps(new IntOrString("10%"), new IntOrString("34%"),
        new IntOrString(8), new IntOrString("99%")), null));

    assertThat(plan.steps(5)).extracting(CanaryStep::canaryPods).containsExactly(1, 2, 4, 4, 5);
  }

  @Test
  void thePromotionEndsTheStepsAndIsAddedWhenMissing() {
    assertThat(DeliveryPlan.of(AgentSpecs.spec(steps(new IntOrString(1), new IntOrString("25%")), null)).steps())
        .containsExactly(new IntOrString(1), new IntOrString("25%"), new IntOrString("100%"));
    assertThat(DeliveryPlan.of(AgentSpecs.spec(steps(new IntOrString("100%"), new IntOrString(1)), null)).steps(4))
        .as("a step after the promotion would never run").containsExactly(new CanaryStep(0, 4, true));
  }

  @Test
  void aStepTheApiServerWouldRefuseIsNamed() {
    DeliveryPlan plan = DeliveryPlan.of(AgentSpecs.spec(steps(new IntOrString("half")), null));

    assertThatThrownBy(() -> plan.steps(4)).hasMessage("spec.delivery.steps: 'half' is neither a pod count nor a percentage");
  }

  private static Delivery steps(IntOrString... steps) {
    Delivery delivery = new Delivery();
    delivery.setStrategy(Strategy.CANARY);
    delivery.setSteps(List.of(steps));
    return delivery;
  }
}

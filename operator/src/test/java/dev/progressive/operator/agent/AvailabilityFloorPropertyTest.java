package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.Scaling;
import dev.progressive.operator.cluster.AvailabilityFloor;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * No plan breaks an agent's availability floor, over generated fleet states: desired replicas, which pods are
 * ready and which the quarantine took out before, the namespace's PodDisruptionBudgets (matching the agent's
 * pods or not), minReplicas and the Deployment's strategy. The expectations are computed here, apart from
 * the code, the way the Kubernetes controllers round.
 */
class AvailabilityFloorPropertyTest {

  enum Step { RESTART, QUARANTINE }

  /** A selector, and whether it selects the agent's pods (app.kubernetes.io/name=npa, instance=npa). */
  enum Selecting {
    INSTANCE(true), OTHER_INSTANCE(false), NAME_IN(true), NAME_NOT_IN(false), EMPTY(true), NONE(false);

    final boolean selectsAgent;

    Selecting(boolean selectsAgent) {
      this.selectsAgent = selectsAgent;
    }

    LabelSelector selector() {
      return switch (this) {
        case INSTANCE -> new LabelSelectorBuilder().addToMatchLabels("app.kubernetes.io/instance", "npa").build();
        case OTHER_INSTANCE -> new LabelSelectorBuilder().addToMatchLabels("app.kubernetes.io/instance", "wpa").build();
        case NAME_IN -> expression("In");
        case NAME_NOT_IN -> expression("NotIn");
        case EMPTY -> new LabelSelector();
        case NONE -> null;
      };
    }

    private static LabelSelector expression(String operator) {
      return new LabelSelectorBuilder().addNewMatchExpression().withKey("app.kubernetes.io/name").withOperator(operator)
          .withValues("npa").endMatchExpression().build();
    }
  }

  /** One budget: what it selects, and its minAvailable or (byMaxUnavailable) its maxUnavailable. */
  record Budget(Selecting selecting, boolean byMaxUnavailable, IntOrString value) {
    PodDisruptionBudget resource(int index) {
      return new PodDisruptionBudgetBuilder().withNewMetadata().withName("pdb-" + index).endMetadata()
          .withNewSpec().withSelector(selecting.selector())
            .withMinAvailable(byMaxUnavailable ? null : value).withMaxUnavailable(byMaxUnavailable ? value : null)
          .endSpec().build();
    }

    /** The pods it keeps available, as the disruption controller computes it (percentages rounded up). */
    int keeps(int desired) {
      int scaled = value.getIntVal() != null ? value.getIntVal() : (int) Math.ceil(percent(value) * desired / 100.0);
      return byMaxUnavailable ? Math.max(0, desired - scaled) : scaled;
    }
  }

  record Fleet(int desired, List<Boolean> ready, List<Boolean> quarantined, int minReplicas, List<Budget> budgets,
      DeploymentStrategy strategy, Step step) {
    int readyPods() {
      return (int) ready.stream().filter(r -> r).count();
    }

    /** The largest of what each constraint asks, computed apart from the code. */
    int expectedFloor() {
      return budgets.stream().filter(b -> b.selecting().selectsAgent).mapToInt(b -> b.keeps(desired))
          .reduce(Math.max(1, minReplicas), Math::max);
    }

    /** The ready pods a rollout may take at once, as the deployment controller resolves the strategy. */
    int unavailableDuringRollout() {
      if (strategy != null && "Recreate".equals(strategy.getType())) {
        return desired;
      }
      var rolling = strategy == null ? null : strategy.getRollingUpdate();
      var maxUnavailable = rolling == null ? new IntOrString("25%") : rolling.getMaxUnavailable();
      var maxSurge = rolling == null ? new IntOrString("25%") : rolling.getMaxSurge();
      int unavailable = maxUnavailable.getIntVal() != null ? maxUnavailable.getIntVal()
          : (int) Math.floor(percent(maxUnavailable) * desired / 100.0);
      int surge = maxSurge.getIntVal() != null ? maxSurge.getIntVal() : (int) Math.ceil(percent(maxSurge) * desired / 100.0);
      return Math.min(desired, surge == 0 && unavailable == 0 ? 1 : unavailable);
    }
  }

  @Property(tries = 10000)
  void noPlanBreaksTheFloor(@ForAll("fleets") Fleet fleet) {
    var agent = Agents.agent("npa", AgentType.NPA);
    agent.getSpec().setReplicas(fleet.desired());
    var scaling = new Scaling();
    scaling.setMinReplicas(fleet.minReplicas());
    agent.getSpec().setScaling(scaling);
    var budgets = IntStream.range(0, fleet.budgets().size()).mapToObj(i -> fleet.budgets().get(i).resource(i)).toList();
    var floor = AvailabilityFloor.of(agent.getSpec(), AgentDeployment.podLabels(agent), fleet.desired(), budgets);
    assertThat(floor.pods()).as("the floor of %s (%s)", fleet, floor.reason()).isEqualTo(fleet.expectedFloor());

    if (fleet.step() == Step.QUARANTINE) {
      var pods = pods(fleet);
      var plan = PodQuarantine.plan(pods, true, floor);
      var after = applied(pods, plan);
      long serving = after.stream().filter(AvailabilityFloorPropertyTest::serving).count();
      assertThat(serving).as("pods serving after the quarantine of %s: %s", fleet, plan)
          .isGreaterThanOrEqualTo(Math.min(floor.pods(), pods.size()));
      assertThat(IntStream.range(0, pods.size()).filter(i -> fleet.ready().get(i)).mapToObj(after::get))
          .as("ready pods of %s", fleet).allMatch(AvailabilityFloorPropertyTest::serving);
    } else {
      var decision = AvailabilityFloor.mayRestart(
          new AvailabilityFloor.Restart("npa", fleet.readyPods(), fleet.desired(), fleet.strategy()), floor);
      boolean keepsTheFloor = fleet.readyPods() - fleet.unavailableDuringRollout() >= floor.pods();
      assertThat(decision.allowed()).as("restart of %s: %s", fleet, decision.reason()).isEqualTo(keepsTheFloor);
    }
  }

  @Provide
  Arbitrary<Fleet> fleets() {
    return Arbitraries.integers().between(1, 10).flatMap(desired -> Combinators.combine(
        Arbitraries.integers().between(0, desired).flatMap(ready -> Arbitraries.shuffle(readiness(desired, ready))),
        Arbitraries.of(true, false).list().ofSize(desired),
        Arbitraries.integers().between(0, desired),
        budget().list().ofMaxSize(3),
        strategy(),
        Arbitraries.of(Step.class))
        .as((ready, quarantined, minReplicas, budgets, strategy, step) ->
            new Fleet(desired, ready, quarantined, minReplicas, budgets, strategy, step)));
  }

  private static List<Boolean> readiness(int pods, int ready) {
    return IntStream.range(0, pods).mapToObj(i -> i < ready).toList();
  }

  private static Arbitrary<Budget> budget() {
    return Combinators.combine(Arbitraries.of(Selecting.class), Arbitraries.of(true, false), intOrPercent()).as(Budget::new);
  }

  private static Arbitrary<DeploymentStrategy> strategy() {
    var rolling = Combinators.combine(intOrPercent(), intOrPercent()).as((surge, unavailable) ->
        new DeploymentStrategyBuilder().withType("RollingUpdate").withNewRollingUpdate()
            .withMaxSurge(surge).withMaxUnavailable(unavailable).endRollingUpdate().build());
    var recreate = Arbitraries.just(new DeploymentStrategyBuilder().withType("Recreate").build());
    return Arbitraries.frequencyOf(Tuple.of(8, rolling), Tuple.of(1, recreate)).injectNull(0.1);
  }

  private static Arbitrary<IntOrString> intOrPercent() {
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 12).map(IntOrString::new),
        Arbitraries.integers().between(0, 100).map(p -> new IntOrString(p + "%")));
  }

  private static double percent(IntOrString value) {
    return Integer.parseInt(value.getStrVal().replace("%", ""));
  }

  /** The agent's pods, each serving or taken out by an earlier quarantine. */
  private static List<Pod> pods(Fleet fleet) {
    return IntStream.range(0, fleet.desired()).mapToObj(i -> fleet.quarantined().get(i)
        ? PodQuarantineTest.pod("npa-" + i, fleet.ready().get(i), "false", "true")
        : PodQuarantineTest.pod("npa-" + i, fleet.ready().get(i), "true", null)).toList();
  }

  /** The pods as they are once the plan's label changes are made. */
  private static List<Pod> applied(List<Pod> pods, PodQuarantine.Plan plan) {
    var after = new ArrayList<>(pods);
    for (var change : plan.changes()) {
      int index = pods.indexOf(change.pod());
      after.set(index, new PodBuilder(after.get(index)).editMetadata().addToLabels(change.labels()).endMetadata().build());
    }
    return after;
  }

  private static boolean serving(Pod pod) {
    return "true".equals(pod.getMetadata().getLabels().get(AgentDeployment.SERVING_LABEL));
  }
}

package dev.progressive.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentSpec;
import dev.progressive.operator.api.ProgressiveAgentStatus;
import dev.progressive.operator.api.Scaling;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvailabilityFloorTest {
  private static final Map<String, String> NPA_PODS = Map.of("app.kubernetes.io/name", "npa", "app.kubernetes.io/instance", "npa");
  private static final LabelSelector NPA = new LabelSelectorBuilder().addToMatchLabels("app.kubernetes.io/instance", "npa").build();
  private static final AvailabilityFloor TWO = new AvailabilityFloor(2, "PodDisruptionBudget npa-pdb minAvailable 2");

  @Test
  void withoutBudgetsOrMinReplicasTheFloorIsTheMinimumOfOne() {
    assertThat(floor(null, 3)).isEqualTo(new AvailabilityFloor(1, "the minimum of 1"));
    assertThat(floor(minReplicas(0), 3)).isEqualTo(new AvailabilityFloor(1, "the minimum of 1"));
    assertThat(floor(minReplicas(null), 3)).isEqualTo(new AvailabilityFloor(1, "the minimum of 1"));
  }

  @Test
  void minReplicasRaisesTheFloor() {
    assertThat(floor(minReplicas(3), 4)).isEqualTo(new AvailabilityFloor(3, "spec.scaling.minReplicas 3"));
  }

  @Test
  void aBudgetsMinAvailableCountsAsANumberOrAPercentageRoundedUp() {
    assertThat(floor(null, 3, budget("npa-pdb", NPA, new IntOrString(2), null)))
        .isEqualTo(new AvailabilityFloor(2, "PodDisruptionBudget npa-pdb minAvailable 2"));
    assertThat(floor(null, 3, budget("npa-pdb", NPA, new IntOrString("50%"), null)))
        .isEqualTo(new AvailabilityFloor(2, "PodDisruptionBudget npa-pdb minAvailable 50% of 3 replicas"));
    assertThat(floor(null, 7, budget("npa-pdb", NPA, new IntOrString("50%"), null)).pods()).isEqualTo(4);
  }

  @Test
  void aBudgetsMaxUnavailableKeepsTheRestOfTheDesiredReplicasRoundingThePodsItLetsGoUp() {
    assertThat(floor(null, 3, budget("npa-pdb", NPA, null, new IntOrString(1))))
        .isEqualTo(new AvailabilityFloor(2, "PodDisruptionBudget npa-pdb maxUnavailable 1 of 3 replicas"));
    // 34% of 5 is 1.7 pods: Kubernetes lets 2 go, so 3 stay.
    assertThat(floor(null, 5, budget("npa-pdb", NPA, null, new IntOrString("34%"))))
        .isEqualTo(new AvailabilityFloor(3, "PodDisruptionBudget npa-pdb maxUnavailable 34% of 5 replicas"));
    assertThat(floor(null, 2, budget("npa-pdb", NPA, null, new IntOrString(5))).pods()).isEqualTo(1);
  }

  @Test
  void theHighestBudgetOrMinReplicasSetsTheFloorAndIsNamed() {
    var floor = floor(minReplicas(2), 6, budget("b-low", NPA, new IntOrString(1), null),
        budget("a-high", NPA, new IntOrString("60%"), null), budget("c-max", NPA, null, new IntOrString(3)));
    assertThat(floor).isEqualTo(new AvailabilityFloor(4, "PodDisruptionBudget a-high minAvailable 60% of 6 replicas"));
    assertThat(floor(minReplicas(2), 3, budget("npa-pdb", NPA, new IntOrString(2), null)).reason())
        .as("a tie names the budget").isEqualTo("PodDisruptionBudget npa-pdb minAvailable 2");
    assertThat(floor(minReplicas(3), 3, budget("npa-pdb", NPA, new IntOrString(2), null)).reason())
        .isEqualTo("spec.scaling.minReplicas 3");
  }

  @Test
  void aBudgetAppliesOnlyWhenItsSelectorSelectsTheAgentsPods() {
    var other = new LabelSelectorBuilder().addToMatchLabels("app.kubernetes.io/instance", "wpa").build();
    var in = expression("app.kubernetes.io/name", "In", "npa", "wpa");
    var notIn = expression("app.kubernetes.io/name", "NotIn", "npa");
    var exists = expression("app.kubernetes.io/instance", "Exists");
    var doesNotExist = expression("app.kubernetes.io/instance", "DoesNotExist");
    assertThat(floorWith(other)).isEqualTo(1);
    assertThat(floorWith(in)).isEqualTo(3);
    assertThat(floorWith(notIn)).isEqualTo(1);
    assertThat(floorWith(exists)).isEqualTo(3);
    assertThat(floorWith(doesNotExist)).isEqualTo(1);
    assertThat(floorWith(new LabelSelector())).as("policy/v1: an empty selector selects every pod").isEqualTo(3);
    assertThat(floorWith(null)).as("no selector selects no pod").isEqualTo(1);
  }

  @Test
  void aBudgetTheApiServerWouldRefuseIsSkipped() {
    assertThat(floor(null, 3, budget("npa-pdb", NPA, new IntOrString("two"), null)).pods()).isEqualTo(1);
    assertThat(floor(null, 3, budget("npa-pdb", NPA, null, null)).pods()).isEqualTo(1);
  }

  @Test
  void theRecordedFloorIsReadBackFromTheStatus() {
    var agent = new ProgressiveAgent();
    assertThat(AvailabilityFloor.recorded(agent)).isEmpty();
    agent.setStatus(new ProgressiveAgentStatus());
    assertThat(AvailabilityFloor.recorded(agent)).isEmpty();
    agent.getStatus().setAvailabilityFloor(2);
    agent.getStatus().setAvailabilityFloorReason("PodDisruptionBudget npa-pdb minAvailable 2");
    assertThat(AvailabilityFloor.recorded(agent)).contains(TWO);
  }

  @Test
  void withoutAQuarantineEveryPodServes() {
    var serving = AvailabilityFloor.servingPods(List.of(pod("npa-a", false), pod("npa-b", true)), false, TWO);
    assertThat(serving.pods()).containsExactly("npa-a", "npa-b");
    assertThat(serving.held()).isEmpty();
  }

  @Test
  void aQuarantineKeepsTheReadyPodsAndEnoughUnreadyOnesByNameToHoldTheFloor() {
    var enough = AvailabilityFloor.servingPods(List.of(pod("npa-a", false), pod("npa-b", true), pod("npa-c", true)), true, TWO);
    assertThat(enough.pods()).containsExactly("npa-b", "npa-c");
    assertThat(enough.held()).isEmpty();
    var short1 = AvailabilityFloor.servingPods(List.of(pod("npa-c", false), pod("npa-x", true), pod("npa-b", false)), true, TWO);
    assertThat(short1.pods()).containsExactly("npa-b", "npa-x");
    assertThat(short1.held()).contains(
        "kept 1 unready pod (npa-b) in the Service to hold the availability floor of 2 (PodDisruptionBudget npa-pdb minAvailable 2)");
    var none = AvailabilityFloor.servingPods(List.of(pod("npa-b", false), pod("npa-a", false), pod("npa-c", false)), true, TWO);
    assertThat(none.pods()).containsExactly("npa-a", "npa-b");
    assertThat(none.held()).hasValueSatisfying(held -> assertThat(held).startsWith("kept 2 unready pods (npa-a, npa-b) in the Service"));
  }

  @Test
  void aFloorAboveThePodsThereAreKeepsThemAllAndNoMore() {
    var floor = new AvailabilityFloor(5, "spec.scaling.minReplicas 5");
    assertThat(AvailabilityFloor.servingPods(List.of(pod("npa-a", false), pod("npa-b", true)), true, floor).pods())
        .containsExactly("npa-a", "npa-b");
  }

  @Test
  void ourOwnStrategyRestartsAHealthyAgent() {
    var decision = AvailabilityFloor.mayRestart(new AvailabilityFloor.Restart("npa", 3, 3, rolling(1, 0)), TWO);
    assertThat(decision.allowed()).isTrue();
    assertThat(decision.reason()).isEqualTo(
        "restarting npa keeps at least 3 ready pods, at or above its floor of 2 (PodDisruptionBudget npa-pdb minAvailable 2)");
  }

  @Test
  void aRestartThatWouldLeaveFewerReadyPodsThanTheFloorHolds() {
    var decision = AvailabilityFloor.mayRestart(new AvailabilityFloor.Restart("npa", 1, 3, rolling(1, 0)), TWO);
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).isEqualTo(
        "hold: restarting npa now would leave 1 ready pod, below its floor of 2 (PodDisruptionBudget npa-pdb minAvailable 2)");
  }

  @Test
  void theDeploymentsMaxUnavailableCountsAsTheDeploymentControllerResolvesIt() {
    assertThat(allowed(3, 3, rolling(1, 1))).as("3 ready, 1 may go").isTrue();
    assertThat(allowed(2, 3, rolling(1, 1))).as("2 ready, 1 may go").isFalse();
    assertThat(allowed(3, 3, rolling("25%", "50%"))).as("50% of 3 rounds down to 1").isTrue();
    assertThat(allowed(4, 4, null)).as("the default: 25% of 4 is 1").isTrue();
    assertThat(allowed(2, 4, null)).isFalse();
    assertThat(allowed(2, 2, rolling(0, 0))).as("neither surge nor unavailable: one pod goes").isFalse();
    assertThat(allowed(3, 3, rolling(0, 0))).isTrue();
    assertThat(allowed(2, 3, rolling("0%", "25%"))).as("no surge, 25% of 3 is 0: one pod goes").isFalse();
    assertThat(allowed(3, 3, new DeploymentStrategyBuilder().withType("Recreate").build())).as("Recreate stops them all").isFalse();
  }

  private static boolean allowed(int ready, int desired, DeploymentStrategy strategy) {
    return AvailabilityFloor.mayRestart(new AvailabilityFloor.Restart("npa", ready, desired, strategy), TWO).allowed();
  }

  static DeploymentStrategy rolling(Object maxSurge, Object maxUnavailable) {
    return new DeploymentStrategyBuilder().withType("RollingUpdate").withNewRollingUpdate()
        .withMaxSurge(intOrString(maxSurge)).withMaxUnavailable(intOrString(maxUnavailable)).endRollingUpdate().build();
  }

  private static IntOrString intOrString(Object value) {
    return value instanceof Integer i ? new IntOrString(i) : new IntOrString((String) value);
  }

  private static int floorWith(LabelSelector selector) {
    return floor(null, 3, budget("npa-pdb", selector, new IntOrString(3), null)).pods();
  }

  private static AvailabilityFloor floor(Scaling scaling, int desired, PodDisruptionBudget... budgets) {
    var spec = new ProgressiveAgentSpec();
    spec.setScaling(scaling);
    return AvailabilityFloor.of(spec, NPA_PODS, desired, List.of(budgets));
  }

  private static Scaling minReplicas(Integer min) {
    var scaling = new Scaling();
    scaling.setMinReplicas(min);
    return scaling;
  }

  static PodDisruptionBudget budget(String name, LabelSelector selector, IntOrString minAvailable, IntOrString maxUnavailable) {
    return new PodDisruptionBudgetBuilder().withNewMetadata().withName(name).withNamespace("team-a").endMetadata()
        .withNewSpec().withSelector(selector).withMinAvailable(minAvailable).withMaxUnavailable(maxUnavailable).endSpec()
        .build();
  }

  private static LabelSelector expression(String key, String operator, String... values) {
    return new LabelSelectorBuilder().addNewMatchExpression().withKey(key).withOperator(operator).withValues(values)
        .endMatchExpression().build();
  }

  static Pod pod(String name, boolean ready) {
    return new PodBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus()
        .build();
  }
}

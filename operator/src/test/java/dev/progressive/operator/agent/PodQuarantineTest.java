package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.cluster.AvailabilityFloor;
import dev.progressive.operator.dev.DevCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodQuarantineTest {
  private static final AvailabilityFloor ONE = new AvailabilityFloor(1, "the minimum of 1");
  private static final AvailabilityFloor TWO = new AvailabilityFloor(2, "PodDisruptionBudget npa-pdb minAvailable 2");

  @Test
  void onlyUnreadyServingPodsAreTakenOut() {
    var plan = PodQuarantine.plan(List.of(pod("sick", false, "true", null), pod("well", true, "true", null)), true, ONE);
    assertThat(plan.changes()).singleElement().satisfies(change -> {
      assertThat(change.pod().getMetadata().getName()).isEqualTo("sick");
      assertThat(change.labels()).containsEntry(AgentDeployment.SERVING_LABEL, "false").containsEntry(PodQuarantine.QUARANTINED, "true");
    });
    assertThat(plan.floorHeld()).isEmpty();
  }

  @Test
  void onlyPodsThisOperatorTookOutArePutBack() {
    var ours = pod("ours", false, "false", "true");
    var someoneElses = pod("theirs", false, "false", null);
    assertThat(PodQuarantine.plan(List.of(ours, someoneElses), false, ONE).changes()).singleElement()
        .satisfies(change -> assertThat(change.labels()).containsEntry(AgentDeployment.SERVING_LABEL, "true"));
    assertThat(PodQuarantine.plan(List.of(ours, pod("well", true, "true", null)), true, ONE).changes()).isEmpty();
  }

  @Test
  void theFloorKeepsUnreadyPodsServingByNameAndSaysSo() {
    var plan = PodQuarantine.plan(
        List.of(pod("npa-c", true, "true", null), pod("npa-b", false, "true", null), pod("npa-a", false, "true", null)), true, TWO);
    assertThat(plan.changes()).singleElement().satisfies(change -> assertThat(change.pod().getMetadata().getName()).isEqualTo("npa-b"));
    assertThat(plan.floorHeld()).contains(
        "kept 1 unready pod (npa-a) in the Service to hold the availability floor of 2 (PodDisruptionBudget npa-pdb minAvailable 2)");
  }

  @Test
  void aQuarantinedPodGoesBackWhenTheFloorNeedsItOrItIsReadyAgain() {
    var needed = PodQuarantine.plan(List.of(pod("npa-a", false, "false", "true"), pod("npa-b", false, "true", null)), true, TWO);
    assertThat(needed.changes()).singleElement().satisfies(change -> {
      assertThat(change.pod().getMetadata().getName()).isEqualTo("npa-a");
      assertThat(change.labels()).containsEntry(AgentDeployment.SERVING_LABEL, "true").containsEntry(PodQuarantine.QUARANTINED, "false");
    });
    var recovered = PodQuarantine.plan(List.of(pod("npa-a", true, "false", "true"), pod("npa-b", true, "true", null)), true, ONE);
    assertThat(recovered.changes()).singleElement()
        .satisfies(change -> assertThat(change.pod().getMetadata().getName()).isEqualTo("npa-a"));
  }

  @Test
  void aPodSomeoneElseTookOutAndATerminatingPodAreNoPartOfTheFloor() {
    var theirs = pod("npa-a", true, "false", null);
    var terminating = pod("npa-b", true, "true", null);
    terminating.getMetadata().setDeletionTimestamp("2026-11-28T10:00:00Z");
    var plan = PodQuarantine.plan(List.of(theirs, terminating, pod("npa-c", false, "true", null)), true, ONE);
    assertThat(plan.changes()).isEmpty();
    assertThat(plan.floorHeld()).hasValueSatisfying(held -> assertThat(held).contains("(npa-c)"));
  }

  @Test
  void aPodGoneBeforeItsPatchIsNoFailureAndAPresentOneIsRelabelled() {
    try (var cluster = DevCluster.start()) {
      var client = cluster.client();
      var present = client.resource(pod("present", false, "true", null)).inNamespace("default").create();
      var gone = pod("gone", false, "true", null);
      gone.getMetadata().setNamespace("default");
      var changes = PodQuarantine.plan(List.of(gone, present, pod("well", true, "true", null)), true, ONE).changes();
      assertThat(changes).hasSize(2);
      PodQuarantine.apply(client, changes);
      assertThat(client.pods().inNamespace("default").withName("present").get().getMetadata().getLabels())
          .containsEntry(AgentDeployment.SERVING_LABEL, "false").containsEntry(PodQuarantine.QUARANTINED, "true");
      assertThat(client.pods().inNamespace("default").withName("gone").get()).isNull();
    }
  }

  static Pod pod(String name, boolean ready, String serving, String quarantined) {
    var labels = new HashMap<>(Map.of(AgentDeployment.SERVING_LABEL, serving));
    if (quarantined != null) {
      labels.put(PodQuarantine.QUARANTINED, quarantined);
    }
    return new PodBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
        .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus()
        .build();
  }
}

package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.dev.DevCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodQuarantineTest {
  @Test
  void onlyUnreadyServingPodsAreTakenOut() {
    var changes = PodQuarantine.plan(List.of(pod("sick", false, "true", null), pod("well", true, "true", null)), true);
    assertThat(changes).singleElement().satisfies(change -> {
      assertThat(change.pod().getMetadata().getName()).isEqualTo("sick");
      assertThat(change.labels()).containsEntry(AgentDeployment.SERVING_LABEL, "false").containsEntry(PodQuarantine.QUARANTINED, "true");
    });
  }

  @Test
  void onlyPodsThisOperatorTookOutArePutBack() {
    var ours = pod("ours", false, "false", "true");
    var someoneElses = pod("theirs", false, "false", null);
    assertThat(PodQuarantine.plan(List.of(ours, someoneElses), false)).singleElement()
        .satisfies(change -> assertThat(change.labels()).containsEntry(AgentDeployment.SERVING_LABEL, "true"));
    assertThat(PodQuarantine.plan(List.of(ours), true)).isEmpty();
  }

  @Test
  void aPodGoneBeforeItsPatchIsNoFailureAndAPresentOneIsRelabelled() {
    try (var cluster = DevCluster.start()) {
      var client = cluster.client();
      var present = client.resource(pod("present", false, "true", null)).inNamespace("default").create();
      var gone = pod("gone", false, "true", null);
      gone.getMetadata().setNamespace("default");
      var changes = PodQuarantine.plan(List.of(gone, present), true);
      assertThat(changes).hasSize(2);
      PodQuarantine.apply(client, changes);
      assertThat(client.pods().inNamespace("default").withName("present").get().getMetadata().getLabels())
          .containsEntry(AgentDeployment.SERVING_LABEL, "false").containsEntry(PodQuarantine.QUARANTINED, "true");
      assertThat(client.pods().inNamespace("default").withName("gone").get()).isNull();
    }
  }

  private static Pod pod(String name, boolean ready, String serving, String quarantined) {
    var labels = new java.util.HashMap<>(Map.of(AgentDeployment.SERVING_LABEL, serving));
    if (quarantined != null) {
      labels.put(PodQuarantine.QUARANTINED, quarantined);
    }
    return new PodBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
        .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus()
        .build();
  }
}

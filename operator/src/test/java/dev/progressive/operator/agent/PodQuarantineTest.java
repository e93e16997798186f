package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

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

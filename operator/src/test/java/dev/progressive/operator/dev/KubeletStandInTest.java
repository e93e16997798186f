package dev.progressive.operator.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KubeletStandInTest {

  static DevCluster cluster;
  static KubeletStandIn kubelet;

  @BeforeAll
  static void start() {
    cluster = DevCluster.start();
    kubelet = new KubeletStandIn(cluster.client());
  }

  @AfterAll
  static void stop() {
    kubelet.close();
    cluster.close();
  }

  @Test
  void reportsANewDeploymentReady() {
    cluster.client().resource(deployment("fresh", 3)).create();

    Deployment ready = awaitReady("fresh");

    assertThat(ready.getStatus().getReplicas()).isEqualTo(3);
    assertThat(ready.getStatus().getReadyReplicas()).isEqualTo(3);
    assertThat(ready.getStatus().getAvailableReplicas()).isEqualTo(3);
    assertThat(ready.getStatus().getUpdatedReplicas()).isEqualTo(3);
    assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
    assertThat(ready.getStatus().getConditions())
        .anySatisfy(c -> assertThat(c).extracting(DeploymentCondition::getType, DeploymentCondition::getStatus)
            .containsExactly("Available", "True"));
  }

  @Test
  void followsAScaledDeployment() {
    cluster.client().resource(deployment("scaled", 1)).create();
    awaitReady("scaled");

    cluster.client().apps().deployments().withName("scaled").edit(d -> new DeploymentBuilder(d)
        .editSpec().withReplicas(4).endSpec().build());

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      Deployment scaled = cluster.client().apps().deployments().withName("scaled").get();
      assertThat(scaled.getMetadata().getGeneration()).isEqualTo(2);
      assertThat(KubeletStandIn.isReady(scaled)).isTrue();
      assertThat(scaled.getStatus().getReadyReplicas()).isEqualTo(4);
    });
  }

  @Test
  void writesNothingForADeploymentThatIsAlreadyReady() {
    cluster.client().resource(deployment("settled", 2)).create();
    awaitReady("settled");
    long before = cluster.writeCount();

    // A label change reaches the stand-in as an update with a status that still matches.
    cluster.client().apps().deployments().withName("settled").edit(d -> new DeploymentBuilder(d)
        .editMetadata().addToLabels("touched", "yes").endMetadata().build());
    // Events arrive in order: once the next Deployment is ready, the label change has been handled too.
    cluster.client().resource(deployment("marker", 1)).create();
    awaitReady("marker");

    assertThat(cluster.writeCount() - before)
        .as("label patch, marker create, marker status; recent writes: %s", cluster.recentWrites())
        .isEqualTo(3);
  }

  private static Deployment awaitReady(String name) {
    return await().atMost(Duration.ofSeconds(10))
        .until(() -> cluster.client().apps().deployments().withName(name).get(), KubeletStandIn::isReady);
  }

  private static Deployment deployment(String name, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate()
        .withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().addNewContainer().withName(name).withImage("example.dev/" + name + ":1").endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}

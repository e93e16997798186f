package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.OperatorHarness;
import dev.progressive.operator.UserEdits;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cli.Manifests;
import dev.progressive.operator.common.ChildChanges;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The real JOSDK operator against the embedded API, driven with the samples users apply. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentReconcilerIntegrationTest {
  private static final String NS = "progressive-framework-v5";
  private static final Path SAMPLES = Path.of(System.getProperty("project.root", ".."), "samples");
  private static OperatorHarness harness;
  private static KubernetesClient client;

  @BeforeAll
  static void startOperatorAndApplySamples() throws Exception {
    harness = OperatorHarness.start();
    client = harness.client();
    for (var document : Manifests.read(SAMPLES)) {
      if ("ProgressiveAgent".equals(document.kind())) {
        client.resource(Manifests.convert(document, ProgressiveAgent.class)).create();
      }
    }
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  @Order(1)
  void eachSampleGetsAnOwnedDeploymentAndServiceAndBecomesReady() {
    for (var name : List.of("mca", "npa", "wpa", "bma", "rpa")) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        var agent = agent(name);
        assertThat(ready(agent).getStatus()).as("Ready of %s", name).isEqualTo("True");
        assertThat(ready(agent).getReason()).isEqualTo(AgentStatus.REASON_READY);
        assertThat(agent.getStatus().getReadyReplicas()).isEqualTo(agent.getSpec().getReplicas());
        assertThat(agent.getStatus().getObservedGeneration()).isEqualTo(agent.getMetadata().getGeneration());
      });
      var uid = agent(name).getMetadata().getUid();
      assertThat(deployment(name).getMetadata().getOwnerReferences()).singleElement()
          .satisfies(ref -> assertThat(ref.getUid()).isEqualTo(uid));
      assertThat(service(name).getMetadata().getOwnerReferences()).singleElement()
          .satisfies(ref -> assertThat(ref.getUid()).isEqualTo(uid));
    }
    for (var name : List.of("mca", "npa", "wpa", "bma", "rpa")) {
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events(name)).extracting(Event::getReason)
          .as("Events of %s on its way to Ready", name)
          .containsExactlyInAnyOrder(ChildChanges.CREATED, AgentStatus.REASON_READY));
    }
  }

  @Test
  @Order(1)
  void theOneEventOfANewAgentsChildrenNamesThemAllAndWhatItWaitsFor() throws Exception {
    var agent = Manifests.read(SAMPLES).stream().filter(d -> "ProgressiveAgent".equals(d.kind()))
        .map(d -> Manifests.convert(d, ProgressiveAgent.class)).filter(a -> "npa".equals(a.getMetadata().getName()))
        .findFirst().orElseThrow();
    agent.getMetadata().setName("npa-unready");
    harness.holdReplicas(NS, "npa-unready");
    client.resource(agent).create();
    await().atMost(Duration.ofSeconds(30)).until(() -> eventReasons("npa-unready").contains(ChildChanges.CREATED));
    var created = events("npa-unready").stream().filter(e -> ChildChanges.CREATED.equals(e.getReason())).toList();
    var uid = agent("npa-unready").getMetadata().getUid();
    var children = childrenOf(uid);
    assertThat(created).singleElement().satisfies(event -> {
      assertThat(event.getMessage()).startsWith("Created ").endsWith("; waiting: 0/2 replicas ready");
      children.forEach((kind, names) -> assertThat(event.getMessage())
          .contains((names.size() == 1 ? kind : kind + "s") + " " + String.join(", ", names)));
      assertThat(event.getCount()).isEqualTo(1);
    });
    assertThat(children).containsKeys("Deployment", "Service", "ConfigMap");
    client.resource(agent).delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> childrenOf(uid).isEmpty());
  }

  @Test
  @Order(2)
  void aResyncWithNothingChangedWritesNothing() {
    harness.stopOperator();
    long writesBefore = harness.cluster().writeCount();
    harness.startOperator();
    // A fresh start reconciles every agent once: the strongest "resync" there is.
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.successfulReconciles() >= 5);
    assertThat(harness.cluster().writeCount() - writesBefore)
        .as("writes after a no-change resync: %s", harness.cluster().recentWrites())
        .isZero();
  }

  @Test
  @Order(3)
  void changingReplicasUpdatesTheDeployment() {
    UserEdits.edit(() -> client.resources(ProgressiveAgent.class).inNamespace(NS).withName("npa")
        .edit(agent -> { agent.getSpec().setReplicas(4); return agent; }));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(deployment("npa").getSpec().getReplicas()).isEqualTo(4);
      assertThat(agent("npa").getStatus().getReadyReplicas()).isEqualTo(4);
      assertThat(ready(agent("npa")).getStatus()).isEqualTo("True");
    });
    assertThat(events("npa")).filteredOn(e -> ChildChanges.UPDATED.equals(e.getReason())).singleElement()
        .satisfies(event -> assertThat(event.getMessage()).startsWith("Updated Deployment npa to match the spec"));
  }

  @Test
  @Order(4)
  void anInvalidSpecIsReportedAndLeavesTheChildrenUntouched() {
    var before = deployment("wpa");
    // The API refuses what the CRD forbids (9 replicas above maxReplicas 5), as a real API server does.
    assertThatThrownBy(() -> client.resources(ProgressiveAgent.class).inNamespace(NS).withName("wpa")
        .edit(agent -> { agent.getSpec().setReplicas(9); return agent; }))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422))
        .hasMessageContaining("replicas must lie within scaling.minReplicas and scaling.maxReplicas");
    // What the schema cannot say, the operator checks: AGENT_TYPE is the operator's own variable.
    UserEdits.edit(() -> client.resources(ProgressiveAgent.class).inNamespace(NS).withName("wpa")
        .edit(agent -> { agent.getSpec().setEnv(List.of(new EnvVarBuilder().withName("AGENT_TYPE").withValue("npa").build())); return agent; }));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var ready = ready(agent("wpa"));
      assertThat(ready.getStatus()).isEqualTo("False");
      assertThat(ready.getReason()).isEqualTo(Conditions.INVALID_SPEC);
      assertThat(ready.getMessage()).contains("spec.env[0].name").contains("set by the operator");
      assertThat(ready.getObservedGeneration()).isEqualTo(agent("wpa").getMetadata().getGeneration());
    });
    var after = deployment("wpa");
    assertThat(after.getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());
    assertThat(after.getSpec().getReplicas()).isEqualTo(2);
    assertThat(eventReasons("wpa")).contains(Conditions.INVALID_SPEC);
  }

  @Test
  @Order(5)
  void deletingTheAgentRemovesItsChildren() {
    client.resources(ProgressiveAgent.class).inNamespace(NS).withName("rpa").delete();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(client.apps().deployments().inNamespace(NS).withName("rpa").get()).isNull();
      assertThat(client.services().inNamespace(NS).withName("rpa").get()).isNull();
    });
    assertThat(deployment("mca")).isNotNull();
  }

  private static ProgressiveAgent agent(String name) {
    return client.resources(ProgressiveAgent.class).inNamespace(NS).withName(name).get();
  }

  private static Condition ready(ProgressiveAgent agent) {
    return Conditions.find(agent.getStatus() == null ? null : agent.getStatus().getConditions(), Conditions.READY)
        .orElseGet(Condition::new);
  }

  private static Deployment deployment(String name) {
    return client.apps().deployments().inNamespace(NS).withName(name).get();
  }

  private static Service service(String name) {
    return client.services().inNamespace(NS).withName(name).get();
  }

  private static List<String> eventReasons(String agentName) {
    return events(agentName).stream().map(Event::getReason).toList();
  }

  private static List<Event> events(String agentName) {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> agentName.equals(e.getInvolvedObject().getName())
            && "ProgressiveAgent".equals(e.getInvolvedObject().getKind()))
        .toList();
  }

  /** The names of the agent's children by kind, sorted. */
  private static Map<String, List<String>> childrenOf(String uid) {
    return Stream.<HasMetadata>concat(client.apps().deployments().inNamespace(NS).list().getItems().stream(),
            Stream.concat(client.services().inNamespace(NS).list().getItems().stream(),
                client.configMaps().inNamespace(NS).list().getItems().stream()))
        .filter(child -> child.getMetadata().getOwnerReferences().stream().anyMatch(ref -> uid.equals(ref.getUid())))
        .sorted(Comparator.comparing(child -> child.getMetadata().getName()))
        .collect(Collectors.groupingBy(HasMetadata::getKind, TreeMap::new,
            Collectors.mapping(child -> child.getMetadata().getName(), Collectors.toList())));
  }
}

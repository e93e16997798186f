package dev.progressive.operator.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl against a started DevCluster. */
class DevClusterKubectlTest {

  @TempDir
  static Path workDir;

  static DevCluster cluster;
  static Kubectl kubectl;

  @BeforeAll
  static void startClusterWithWidgetCrd() throws Exception {
    cluster = DevCluster.start();
    kubectl = new Kubectl(cluster.writeKubeconfig(workDir.resolve("kubeconfig")), workDir);
    kubectl.run("apply", "-f", resource("widget-crd.yaml")).succeeded();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void versionShowsTheServer() throws Exception {
    assertThat(kubectl.run("version").succeeded().out()).contains("Server Version: v1.32.0-progressive-dev");
  }

  @Test
  void getsCustomResourcesByPluralShortNameAndCategory() throws Exception {
    kubectl.run("apply", "-f", resource("widget.yaml")).succeeded();

    for (String name : List.of("widgets", "widget", "wd", "examples", "widgets.example.dev")) {
      assertThat(kubectl.run("get", name, "-o", "name").succeeded().out())
          .as("kubectl get %s", name)
          .contains("widget.example.dev/alpha");
    }
  }

  @Test
  void getWatchPrintsChangesMadeThroughTheClient() throws Exception {
    widgets().resource(widget("watched", 1)).create();

    try (KubectlProcess watch = kubectl.start("get", "widget", "watched", "-w", "-o", "jsonpath={.spec.size}{\"\\n\"}")) {
      await().atMost(Duration.ofSeconds(30)).until(() -> watch.out().contains("1"));
      widgets().withName("watched").edit(w -> withSize(w, 2));

      await().atMost(Duration.ofSeconds(30)).until(() -> watch.out().contains("2"));
      // The listed state is not repeated by the watch that follows the list.
      assertThat(watch.out()).containsExactly("1", "2");
    }
  }

  @Test
  void getWatchPrintsTheServersColumnsForEveryChangeWithTheHeaderOnce() throws Exception {
    try (KubectlProcess watch = kubectl.start("get", "events", "-w", "--field-selector", "involvedObject.name=columns")) {
      for (String name : List.of("columns.first", "columns.second")) {
        cluster.client().v1().events().resource(new EventBuilder().withNewMetadata().withName(name).endMetadata()
            .withNewInvolvedObject().withKind("Widget").withName("columns").withNamespace("default").endInvolvedObject()
            .withType("Warning").withReason("Watched").withMessage("seen as " + name).build()).create();
      }

      await().atMost(Duration.ofSeconds(30)).until(() -> watch.out().stream().anyMatch(line -> line.contains("seen as columns.second")));
      assertThat(watch.out()).filteredOn(line -> line.contains("seen as")).hasSize(2)
          .allSatisfy(line -> assertThat(line).contains("Warning", "Watched", "widget/columns"));
      assertThat(watch.out()).filteredOn(line -> line.contains("REASON")).hasSize(1);
    }
  }

  @Test
  void waitSucceedsOnceTheReadyConditionIsSetThroughTheClient() throws Exception {
    widgets().resource(widget("waited", 1)).create();

    try (KubectlProcess wait = kubectl.start("wait", "--for=condition=Ready", "widget/waited", "--timeout=30s", "-v=6")) {
      await().atMost(Duration.ofSeconds(30))
          .until(() -> wait.err().stream().anyMatch(line -> line.contains("watch=true") && line.contains("200 OK")));
      assertThat(wait.process().isAlive()).as("kubectl wait is still waiting").isTrue();

      widgets().withName("waited").editStatus(w -> withReadyCondition(w));

      assertThat(wait.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(wait.process().exitValue()).as("exit code; stderr: %s", wait.err()).isZero();
      assertThat(wait.out()).contains("widget.example.dev/waited condition met");
    }
  }

  @Test
  void appliesBuiltInKinds() throws Exception {
    kubectl.run("apply", "-f", resource("deployment-and-configmap.yaml")).succeeded();

    assertThat(cluster.client().configMaps().withName("greeting").get().getData()).containsEntry("message", "hello");
    assertThat(cluster.client().apps().deployments().withName("greeter").get().getSpec().getReplicas()).isEqualTo(2);
    assertThat(kubectl.run("get", "deploy,cm", "-o", "name").succeeded().out())
        .contains("deployment.apps/greeter", "configmap/greeting");
  }

  @Test
  void reapplyingAChangedDeploymentMergesItAndScaleChangesItsReplicas() throws Exception {
    var deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: rolled, namespace: default, labels: {app: rolled, tier: web}}
        spec:
          replicas: 2
          selector: {matchLabels: {app: rolled}}
          template:
            metadata: {labels: {app: rolled}}
            spec:
              containers:
                - {name: app, image: "example.dev/app:%s", env: [%s]}
                - {name: sidecar, image: "example.dev/sidecar:1"}
        """;
    kubectl.run("apply", "-f", Files.writeString(workDir.resolve("rolled.yaml"), deployment.formatted("1", "{name: A, value: a}")).toString()).succeeded();
    kubectl.run("apply", "-f", Files.writeString(workDir.resolve("rolled.yaml"), deployment.formatted("2", "{name: B, value: b}")
        .replace(", tier: web", "")).toString()).succeeded();

    var rolled = cluster.client().apps().deployments().withName("rolled").get();
    var app = rolled.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(app.getImage()).isEqualTo("example.dev/app:2");
    assertThat(app.getEnv()).extracting(e -> e.getName()).containsExactly("B");
    assertThat(rolled.getSpec().getTemplate().getSpec().getContainers()).hasSize(2);
    assertThat(rolled.getMetadata().getLabels()).containsOnlyKeys("app");

    assertThat(kubectl.run("scale", "deployment", "rolled", "--replicas=4").succeeded().out()).contains("deployment.apps/rolled scaled");
    assertThat(cluster.client().apps().deployments().withName("rolled").get().getSpec().getReplicas()).isEqualTo(4);
    assertThat(kubectl.run("get", "deployment", "rolled").succeeded().out().lines().findFirst().orElseThrow().split("\\s+"))
        .containsExactly("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE");
  }

  @Test
  void servicesPrintTheirColumnsAndListsComeSortedByName() throws Exception {
    for (String name : List.of("svc-b", "svc-c", "svc-a")) {
      cluster.client().services().resource(new ServiceBuilder().withNewMetadata().withName(name).endMetadata()
          .withNewSpec().withClusterIP("10.96.0.10").addNewPort().withPort(80).withProtocol("TCP").endPort().endSpec().build()).create();
    }

    var table = kubectl.run("get", "services").succeeded().out();
    assertThat(table.lines().findFirst().orElseThrow().split("\\s+"))
        .containsExactly("NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE");
    assertThat(table).containsPattern("(?m)^svc-a\\s+ClusterIP\\s+10.96.0.10\\s+<none>\\s+80/TCP\\s+\\d+s$");
    assertThat(kubectl.run("get", "services", "-o", "name").succeeded().out().lines())
        .containsSubsequence("service/svc-a", "service/svc-b", "service/svc-c");
  }

  @Test
  void eventsAreSelectedByTheirInvolvedObject() throws Exception {
    for (String name : List.of("first", "second")) {
      cluster.client().v1().events().resource(new EventBuilder().withNewMetadata().withName(name + ".event").endMetadata()
          .withNewInvolvedObject().withKind("Widget").withName(name).withNamespace("default").endInvolvedObject()
          .withType("Normal").withReason("Tested").withMessage("about " + name)
          .withLastTimestamp(java.time.Instant.now().toString()).build()).create();
    }

    var selected = kubectl.run("get", "events", "--field-selector", "involvedObject.name=second,involvedObject.kind=Widget").succeeded().out();
    assertThat(selected.lines().findFirst().orElseThrow()).containsPattern("^LAST SEEN\\s+TYPE\\s+REASON\\s+OBJECT\\s+MESSAGE$");
    assertThat(selected).contains("widget/second", "about second").doesNotContain("about first");

    try (KubectlProcess watch = kubectl.start("get", "events", "-w", "--field-selector", "involvedObject.name=second",
        "-o", "jsonpath={.message}{\"\\n\"}")) {
      await().atMost(Duration.ofSeconds(30)).until(() -> watch.out().contains("about second"));
      for (String name : List.of("first", "second")) {
        cluster.client().v1().events().resource(new EventBuilder().withNewMetadata().withName(name + ".later").endMetadata()
            .withNewInvolvedObject().withKind("Widget").withName(name).withNamespace("default").endInvolvedObject()
            .withType("Normal").withReason("Tested").withMessage("later about " + name).build()).create();
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> watch.out().contains("later about second"));
      assertThat(watch.out()).doesNotContain("later about first", "about first");
    }
  }

  @Test
  void typedCreateIsRefusedWithAReasonInsteadOfHanging() throws Exception {
    Kubectl.Result create = kubectl.run("create", "configmap", "typed", "--from-literal=a=b");

    assertThat(create.exitCode()).isNotZero();
    assertThat(create.err()).contains("accepts JSON bodies only");
  }

  private static NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
      Resource<GenericKubernetesResource>> widgets() {
    return cluster.client().genericKubernetesResources("example.dev/v1", "Widget").inNamespace("default");
  }

  private static GenericKubernetesResource widget(String name, int size) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("example.dev/v1")
        .withKind("Widget")
        .withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of("size", size)))
        .build();
  }

  private static GenericKubernetesResource withSize(GenericKubernetesResource widget, int size) {
    widget.setAdditionalProperty("spec", Map.of("size", size));
    return widget;
  }

  private static GenericKubernetesResource withReadyCondition(GenericKubernetesResource widget) {
    widget.setAdditionalProperty("status", Map.of("conditions", List.of(
        Map.of("type", "Ready", "status", "True", "reason", "Tested", "message", "set by the test"))));
    return widget;
  }

  static String resource(String name) throws URISyntaxException {
    return Path.of(DevClusterKubectlTest.class.getResource("/dev/" + name).toURI()).toString();
  }
}

package dev.progressive.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A child converges exactly to its desired state, leaving what the cluster and others set. */
class ChildConvergenceTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final Map<String, String> STANDARD = Map.of("app.kubernetes.io/name", "npa", "app.kubernetes.io/instance", "npa");

  @Test
  void anEnvVarTheSpecNoLongerHasIsGoneFromTheUpdate() {
    var stored = stored(deployment(List.of("EXTRA_A", "EXTRA_B"), true));
    var desired = tree(deployment(List.of("EXTRA_A"), true));
    assertThat(ChildConvergence.matches(stored, desired)).isFalse();
    var written = read(ChildConvergence.updated(stored, desired), Deployment.class);
    assertThat(written.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .extracting(EnvVar::getName).containsExactly("EXTRA_A");
    assertThat(ChildConvergence.matches(tree(written), desired)).isTrue();
  }

  @Test
  void aResyncWithNothingChangedMatchesDespiteWhatTheServerAdded() {
    var desired = deployment(List.of("EXTRA_A"), true);
    assertThat(ChildConvergence.matches(stored(desired), tree(desired))).isTrue();
  }

  @Test
  void aFieldTheOperatorStoppedSettingIsRemovedThoughItCouldHaveBeenADefault() {
    var stored = stored(deployment(List.of(), true));
    var desired = tree(deployment(List.of(), false));
    assertThat(ClusterSetFields.covers(stored, desired)).as("looks like a server default").isTrue();
    assertThat(ChildConvergence.matches(stored, desired)).as("the recorded hash tells").isFalse();
    var written = read(ChildConvergence.updated(stored, desired), Deployment.class);
    assertThat(written.getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe()).isNull();
  }

  @Test
  void whatOthersChangedInTheSpecIsPutBack() {
    var desired = tree(deployment(List.of("EXTRA_A"), true));
    var edited = stored(deployment(List.of("EXTRA_A"), true));
    container(edited).put("image", "someone/else:1");
    assertThat(ChildConvergence.matches(edited, desired)).isFalse();
    var appended = stored(deployment(List.of("EXTRA_A"), true));
    @SuppressWarnings("unchecked")
    var env = (List<Object>) container(appended).get("env");
    env.add(Map.of("name", "BY_HAND", "value", "1"));
    assertThat(ChildConvergence.matches(appended, desired)).isFalse();
    var written = read(ChildConvergence.updated(appended, desired), Deployment.class);
    assertThat(written.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()).extracting(EnvVar::getName)
        .containsExactly("EXTRA_A");
  }

  @Test
  void labelsTheOperatorNoLongerWantsGoAndLabelsOthersAddedStay() {
    var stored = stored(withLabels(Map.of("release", "kube-prometheus-stack")));
    labels(stored).put("owner", "me");
    var desired = tree(withLabels(Map.of("team", "platform")));
    assertThat(ChildConvergence.matches(stored, desired)).isFalse();
    var written = ChildConvergence.updated(stored, desired);
    var expected = new LinkedHashMap<>(STANDARD);
    expected.put("team", "platform");
    expected.put("owner", "me");
    assertThat(labels(written)).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(ChildConvergence.matches(written, desired)).isTrue();
  }

  @Test
  void annotationsConvergeTheSameWayAndKeepTheRecords() {
    var stored = stored(withLabels(Map.of(), Map.of("grafana_folder", "Old")));
    annotations(stored).put("javaoperatorsdk.io/previous", "12");
    var written = ChildConvergence.updated(stored, tree(withLabels(Map.of())));
    assertThat(annotations(written)).doesNotContainKey("grafana_folder").containsEntry("javaoperatorsdk.io/previous", "12")
        .containsKeys("progressive.dev/managed-labels", ChildConvergence.APPLIED_HASH)
        .doesNotContainKey("progressive.dev/managed-annotations");
  }

  @Test
  void podTemplateAnnotationsOthersAddStayAndOnesTheOperatorDroppedGo() {
    var stored = stored(deployment(List.of(), true));
    templateAnnotations(stored).put("kubectl.kubernetes.io/restartedAt", "2026-01-01T00:00:00Z");
    var same = tree(deployment(List.of(), true));
    assertThat(ChildConvergence.matches(stored, same)).as("a rollout restart is not undone").isTrue();
    var withoutScrape = deployment(List.of(), true);
    withoutScrape.getSpec().getTemplate().getMetadata().getAnnotations().remove("prometheus.io/scrape");
    var written = read(ChildConvergence.updated(stored, tree(withoutScrape)), Deployment.class);
    assertThat(written.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsOnlyKeys("kubectl.kubernetes.io/restartedAt", "prometheus.io/port");
  }

  @Test
  void metadataAndStatusStayTheClusters() {
    var stored = stored(deployment(List.of("EXTRA_A", "EXTRA_B"), true));
    var written = read(ChildConvergence.updated(stored, tree(deployment(List.of("EXTRA_A"), true))), Deployment.class);
    assertThat(written.getMetadata().getResourceVersion()).isEqualTo("41");
    assertThat(written.getMetadata().getUid()).isEqualTo("uid-1");
    assertThat(written.getMetadata().getOwnerReferences()).extracting(r -> r.getName()).containsExactly("someone-else");
    assertThat(written.getStatus().getReadyReplicas()).isEqualTo(2);
  }

  @Test
  void aServiceKeepsWhatTheApiServerAllocated() {
    var service = new ServiceBuilder().withNewMetadata().withName("npa").withLabels(STANDARD).endMetadata()
        .withNewSpec().withType("ClusterIP").withSelector(STANDARD)
          .addNewPort().withName("http").withPort(8080).withTargetPort(new IntOrString("http")).endPort()
        .endSpec().build();
    var stored = stored(service, spec -> {
      spec.put("clusterIP", "10.0.0.7");
      spec.put("clusterIPs", List.of("10.0.0.7"));
      spec.put("ipFamilies", List.of("IPv4"));
      spec.put("ipFamilyPolicy", "SingleStack");
      spec.put("sessionAffinity", "None");
    });
    assertThat(ChildConvergence.matches(stored, tree(service))).isTrue();
    service.getSpec().getPorts().get(0).setPort(9090);
    var written = read(ChildConvergence.updated(stored, tree(service)), Service.class);
    assertThat(written.getSpec().getClusterIP()).isEqualTo("10.0.0.7");
    assertThat(written.getSpec().getClusterIPs()).containsExactly("10.0.0.7");
    assertThat(written.getSpec().getIpFamilyPolicy()).isEqualTo("SingleStack");
    assertThat(written.getSpec().getPorts()).singleElement().satisfies(p -> assertThat(p.getPort()).isEqualTo(9090));
    assertThat(written.getSpec().getSessionAffinity()).as("a default, the server sets it again").isNull();
  }

  @Test
  void aConfigMapHoldsExactlyTheDesiredKeys() {
    var desired = new ConfigMapBuilder().withNewMetadata().withName("npa-dashboard").endMetadata()
        .addToData("npa.json", "{}").build();
    var stored = stored(desired);
    @SuppressWarnings("unchecked")
    var data = (Map<String, Object>) stored.get("data");
    data.put("old.json", "{}");
    assertThat(ChildConvergence.matches(stored, tree(desired))).isFalse();
    assertThat(ChildConvergence.updated(stored, tree(desired)).get("data")).isEqualTo(Map.of("npa.json", "{}"));
  }

  @Test
  void resourceQuantitiesCompareByAmountAsTheServerRewritesThem() {
    var desired = deployment(List.of(), true);
    desired.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getRequests().put("cpu", new Quantity("0.5"));
    var stored = stored(desired);
    @SuppressWarnings("unchecked")
    var requests = (Map<String, Object>) ((Map<String, Object>) container(stored).get("resources")).get("requests");
    requests.put("cpu", "500m");
    assertThat(ChildConvergence.matches(stored, tree(desired))).isTrue();
    requests.put("cpu", "600m");
    assertThat(ChildConvergence.matches(stored, tree(desired))).isFalse();
  }

  @Test
  void theHashDoesNotDependOnKeyOrder() {
    var one = new LinkedHashMap<String, Object>();
    one.put("a", 1);
    one.put("b", Map.of("x", 1, "y", 2));
    var other = new LinkedHashMap<String, Object>();
    other.put("b", new TreeMap<>(Map.of("y", 2, "x", 1)));
    other.put("a", 1);
    assertThat(ChildConvergence.hash(one)).isEqualTo(ChildConvergence.hash(other));
    other.put("a", 2);
    assertThat(ChildConvergence.hash(one)).isNotEqualTo(ChildConvergence.hash(other));
  }

  private static Deployment deployment(List<String> env, boolean readinessProbe) {
    var container = new ContainerBuilder().withName("agent").withImage("agent-runtime:1")
        .withEnv(env.stream().map(name -> new EnvVar(name, "1", null)).toList())
        .addNewPort().withName("http").withContainerPort(8080).endPort()
        .withNewResources().addToRequests("cpu", new Quantity("100m")).endResources();
    if (readinessProbe) {
      container.withNewReadinessProbe().withNewHttpGet().withPath("/health/ready").withPort(new IntOrString("http"))
          .endHttpGet().endReadinessProbe();
    }
    return new DeploymentBuilder()
        .withNewMetadata().withName("npa").withNamespace("ns").withLabels(STANDARD).endMetadata()
        .withNewSpec().withReplicas(2).withNewSelector().withMatchLabels(STANDARD).endSelector()
          .withNewTemplate()
            .withNewMetadata().withLabels(STANDARD)
              .withAnnotations(Map.of("prometheus.io/scrape", "true", "prometheus.io/port", "8080")).endMetadata()
            .withNewSpec().withContainers(container.build()).endSpec()
          .endTemplate()
        .endSpec().build();
  }

  private static HasMetadata withLabels(Map<String, String> extra) {
    return withLabels(extra, Map.of());
  }

  private static HasMetadata withLabels(Map<String, String> extra, Map<String, String> annotations) {
    var labels = new LinkedHashMap<>(STANDARD);
    labels.putAll(extra);
    return new ConfigMapBuilder().withNewMetadata().withName("npa").withNamespace("ns").withLabels(labels)
        .withAnnotations(annotations).endMetadata()
        .addToData("a", "b").build();
  }

  /** The child as the API server keeps it after the operator created it: with its own fields and defaults. */
  private static Map<String, Object> stored(HasMetadata desired) {
    return stored(desired, spec -> { });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stored(HasMetadata desired, Consumer<Map<String, Object>> allocate) {
    var stored = (Map<String, Object>) JSON.convertValue(ChildConvergence.created(tree(desired)), Map.class);
    var metadata = (Map<String, Object>) stored.get("metadata");
    metadata.put("resourceVersion", "41");
    metadata.put("uid", "uid-1");
    metadata.put("ownerReferences", List.of(Map.of("apiVersion", "v1", "kind", "ConfigMap", "name", "someone-else", "uid", "u2")));
    if (stored.get("spec") instanceof Map<?, ?> spec) {
      allocate.accept((Map<String, Object>) spec);
      if ("Deployment".equals(stored.get("kind"))) {
        ((Map<String, Object>) spec).put("progressDeadlineSeconds", 600);
        container(stored).put("terminationMessagePath", "/dev/termination-log");
        stored.put("status", Map.of("readyReplicas", 2));
      }
    }
    return stored;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tree(HasMetadata resource) {
    return JSON.convertValue(resource, Map.class);
  }

  private static <T> T read(Map<String, Object> tree, Class<T> type) {
    return JSON.convertValue(tree, type);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> container(Map<String, Object> deployment) {
    var template = (Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template");
    return (Map<String, Object>) ((List<Object>) ((Map<String, Object>) template.get("spec")).get("containers")).get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> templateAnnotations(Map<String, Object> deployment) {
    var template = (Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template");
    return (Map<String, Object>) ((Map<String, Object>) template.get("metadata")).get("annotations");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> labels(Map<String, Object> object) {
    return (Map<String, Object>) ((Map<String, Object>) object.get("metadata")).get("labels");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> annotations(Map<String, Object> object) {
    return (Map<String, Object>) ((Map<String, Object>) object.get("metadata")).get("annotations");
  }
}

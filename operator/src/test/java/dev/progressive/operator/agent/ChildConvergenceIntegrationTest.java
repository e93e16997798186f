package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.MonitoringCrds;
import dev.progressive.operator.OperatorHarness;
import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.SchemalessCrd;
import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.DashboardSettings.Delivery;
import dev.progressive.operator.api.Monitoring;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ObservabilityStackSpec;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.TracingSettings.Backend;
import dev.progressive.operator.cluster.GrafanaDashboard;
import dev.progressive.operator.cluster.OptionalApi;
import dev.progressive.operator.cluster.Prometheus;
import dev.progressive.operator.cluster.PrometheusRule;
import dev.progressive.operator.cluster.PrometheusSelectors.Target;
import dev.progressive.operator.cluster.PrometheusSelectors;
import dev.progressive.operator.cluster.ServiceMonitor;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Children hold exactly what the operator wants now, plus what others added: a stack's selector
 * labels migrate from {@code release: a} to {@code release: b} to {@code team: x} on every
 * ServiceMonitor and PrometheusRule of the namespace while a label someone put on each child stays,
 * with three Prometheus instances that each select one of those labels; and an env var dropped from
 * the agent's spec leaves its Deployment.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChildConvergenceIntegrationTest {
  private static final String NS = "team-a";
  private static final Map<String, String> SOMEONE_ELSES = Map.of("owner", "me");
  private static OperatorHarness harness;
  private static KubernetesClient client;

  @BeforeAll
  static void startWithThreePrometheusesAStackAndAnAgent() {
    // Without the CRDs' schemas, so that a null or a number reaches the operator as a schema-less CRD lets it.
    harness = OperatorHarness.start(ProgressiveOperator.Settings.embedded(), SchemalessCrd::of);
    client = harness.client();
    harness.stopOperator();
    MonitoringCrds.install(client);
    for (var ns : List.of("monitoring", NS)) {
      client.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    }
    prometheus("old", Map.of("release", "a"));
    prometheus("new", Map.of("release", "b"));
    prometheus("platform", Map.of("team", "x"));
    client.resource(stack(Map.of("release", "a"))).create();
    var agent = Agents.agent("npa", AgentType.NPA);
    agent.setMetadata(new ObjectMetaBuilder().withName("npa").withNamespace(NS).build());
    agent.getSpec().setMonitoring(new Monitoring());
    client.resource(agent).create();
    harness.startOperator();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  @Order(1)
  void theChildrenStartWithTheStacksLabelsAndKeepALabelSomeoneElseAdds() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertLabels(Map.of("release", "a"), Map.of()));
    children().forEach(child -> client.resource(child).patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"metadata\":{\"labels\":{\"owner\":\"me\"}}}"));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertLabels(Map.of("release", "a"), SOMEONE_ELSES));
    assertThat(selecting()).containsExactly("monitoring/old");
  }

  @Test
  @Order(2)
  void aMigrationToAnotherReleaseLeavesOnlyTheNewLabel() {
    replaceSelectorLabels("{\"release\":\"b\"}");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertLabels(Map.of("release", "b"), SOMEONE_ELSES));
    assertThat(selecting()).as("one Prometheus scrapes, no alert twice").containsExactly("monitoring/new");
  }

  @Test
  @Order(3)
  void otherLabelsAltogetherReplaceTheReleaseLabel() {
    replaceSelectorLabels("{\"team\":\"x\"}");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertLabels(Map.of("team", "x"), SOMEONE_ELSES));
    assertThat(selecting()).containsExactly("monitoring/platform");
  }

  @Test
  @Order(4)
  void anEnvVarRemovedFromTheSpecLeavesTheDeployment() {
    patchAgent("[{\"op\":\"add\",\"path\":\"/spec/env\",\"value\":[{\"name\":\"EXTRA_A\",\"value\":\"1\"},{\"name\":\"EXTRA_B\",\"value\":\"2\"}]}]");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(envNames()).contains("EXTRA_A", "EXTRA_B"));
    patchAgent("[{\"op\":\"replace\",\"path\":\"/spec/env\",\"value\":[{\"name\":\"EXTRA_A\",\"value\":\"1\"}]}]");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(envNames()).contains("EXTRA_A").doesNotContain("EXTRA_B"));
    assertThat(envNames()).as("the operator's own variables stay").contains("AGENT_TYPE");
    assertThat(deployment().getMetadata().getLabels()).containsAllEntriesOf(SOMEONE_ELSES);
  }

  @Test
  @Order(5)
  void aResyncOfConvergedChildrenWritesNothing() {
    // The rollout of the last change settled first: a restart during it would rightly write its progress.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var agent = client.resources(ProgressiveAgent.class).inNamespace(NS).withName("npa").get();
      assertThat(Conditions.find(agent.getStatus().getConditions(), Conditions.READY)).get()
          .satisfies(ready -> assertThat(ready.getStatus()).isEqualTo("True"))
          .satisfies(ready -> assertThat(ready.getObservedGeneration()).isEqualTo(agent.getMetadata().getGeneration()));
    });
    harness.stopOperator();
    long writesBefore = harness.cluster().writeCount();
    harness.startOperator();
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.successfulReconciles() >= 2);
    assertThat(harness.cluster().writeCount() - writesBefore)
        .as("writes after a restart, with others' labels on every child: %s", harness.cluster().recentWrites())
        .isZero();
  }

  @Test
  @Order(6)
  void aNullSelectorLabelIsInvalidSpecNamingTheKeyAndNeverReachesAChild() {
    var systemRule = rule("observability-system");
    // A merge patch's null deletes the key; a JSON patch writes a null, which a CRD without its schema keeps.
    client.resources(ObservabilityStack.class).inNamespace(NS).withName("observability")
        .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"add\",\"path\":\"/spec/prometheus/selectorLabels/team\",\"value\":null}]");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var ready = stackReady();
      assertThat(ready.getReason()).isEqualTo(Conditions.INVALID_SPEC);
      assertThat(ready.getMessage()).contains("spec.prometheus.selectorLabels.team: must be a string; got null");
    });
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(monitor().getMetadata().getLabels())
        .doesNotContainKey("team").allSatisfy((key, value) -> assertThat(value).isNotNull()));
    assertThat(rule("observability-system").getMetadata().getResourceVersion())
        .as("an invalid stack leaves its own children as they were")
        .isEqualTo(systemRule.getMetadata().getResourceVersion());
  }

  @Test
  @Order(7)
  void aSelectorLabelThatIsNoStringIsInvalidSpecNamingTheKey() {
    replaceSelectorLabels("{\"release\":5}");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var ready = stackReady();
      assertThat(ready.getReason()).isEqualTo(Conditions.INVALID_SPEC);
      assertThat(ready.getMessage()).contains("spec.prometheus.selectorLabels.release").doesNotContain("selectorLabels.team");
    });
  }

  /**
   * Every monitoring child of the namespace carries the standard labels, {@code selector} where
   * Prometheus selects on it (ServiceMonitors and PrometheusRules, not dashboards), {@code others}, and nothing else.
   */
  private static void assertLabels(Map<String, String> selector, Map<String, String> others) {
    var selected = new HashMap<>(selector);
    selected.putAll(others);
    for (var child : children()) {
      var labels = child.getMetadata().getLabels();
      var description = child.getKind() + " " + child.getMetadata().getName();
      assertThat(labels.keySet()).as(description).contains("app.kubernetes.io/name", "app.kubernetes.io/instance",
          "app.kubernetes.io/component", "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by");
      var nonStandard = new HashMap<>(labels);
      nonStandard.keySet().removeIf(key -> key.startsWith("app.kubernetes.io/"));
      var selectable = child instanceof ServiceMonitor || child instanceof PrometheusRule;
      assertThat(nonStandard).as(description).isEqualTo(selectable ? selected : others);
    }
  }

  private static List<HasMetadata> children() {
    var children = new ArrayList<HasMetadata>();
    Stream.of(monitor(), deployment()).filter(Objects::nonNull).forEach(children::add);
    children.addAll(client.resources(PrometheusRule.class).inNamespace(NS).list().getItems());
    children.addAll(client.resources(GrafanaDashboard.class).inNamespace(NS).list().getItems());
    assertThat(children).extracting(c -> c.getKind() + "/" + c.getMetadata().getName()).containsExactlyInAnyOrder(
        "ServiceMonitor/npa", "Deployment/npa", "PrometheusRule/npa", "PrometheusRule/observability-system",
        "GrafanaDashboard/npa", "GrafanaDashboard/observability-agent-health-overview",
        "GrafanaDashboard/observability-business-metrics", "GrafanaDashboard/observability-mca-performance");
    return children;
  }

  /** The Prometheus instances that select the agent's ServiceMonitor and PrometheusRule as they are now. */
  private static List<String> selecting() {
    var monitorLabels = monitor().getMetadata().getLabels();
    var ruleLabels = rule("npa").getMetadata().getLabels();
    return client.resources(Prometheus.class).inNamespace("monitoring").list().getItems().stream()
        .map(p -> PrometheusSelectors.of(p, client.getKubernetesSerialization()))
        .filter(p -> p.selects(Target.SERVICE_MONITOR, NS, Optional.empty(), monitorLabels)
            || p.selects(Target.RULE, NS, Optional.empty(), ruleLabels))
        .map(PrometheusSelectors::id)
        .toList();
  }

  /** A JSON patch: a merge patch would merge the old labels into the new ones. */
  private static void replaceSelectorLabels(String labels) {
    client.resources(ObservabilityStack.class).inNamespace(NS).withName("observability").patch(PatchContext.of(PatchType.JSON),
        "[{\"op\":\"replace\",\"path\":\"/spec/prometheus/selectorLabels\",\"value\":" + labels + "}]");
  }

  /** A JSON patch: the embedded API's merge patch appends to lists. */
  private static void patchAgent(String patch) {
    client.resources(ProgressiveAgent.class).inNamespace(NS).withName("npa").patch(PatchContext.of(PatchType.JSON), patch);
  }

  private static List<String> envNames() {
    return deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream().map(EnvVar::getName).toList();
  }

  private static Condition stackReady() {
    var stack = client.resources(ObservabilityStack.class).inNamespace(NS).withName("observability").get();
    return Conditions.find(stack.getStatus() == null ? null : stack.getStatus().getConditions(), Conditions.READY)
        .orElseGet(Condition::new);
  }

  private static ServiceMonitor monitor() {
    return client.resources(ServiceMonitor.class).inNamespace(NS).withName("npa").get();
  }

  private static PrometheusRule rule(String name) {
    return client.resources(PrometheusRule.class).inNamespace(NS).withName(name).get();
  }

  private static Deployment deployment() {
    return client.apps().deployments().inNamespace(NS).withName("npa").get();
  }

  private static void prometheus(String name, Map<String, String> selects) {
    var selectors = Map.<String, Object>of(
        "serviceMonitorSelector", Map.of("matchLabels", selects), "serviceMonitorNamespaceSelector", Map.of(),
        "ruleSelector", Map.of("matchLabels", selects), "ruleNamespaceSelector", Map.of());
    client.resource(OptionalApi.withSpec(new Prometheus(), name, "monitoring", Map.of(), selectors)).create();
  }

  private static ObservabilityStack stack(Map<String, String> selectorLabels) {
    var stack = new ObservabilityStack();
    stack.setMetadata(new ObjectMetaBuilder().withName("observability").withNamespace(NS).build());
    var spec = new ObservabilityStackSpec();
    spec.getPrometheus().setSelectorLabels(selectorLabels);
    spec.getDashboards().setDelivery(Delivery.GRAFANA_OPERATOR);
    spec.getTracing().setBackend(Backend.EXTERNAL);
    spec.getTracing().setEndpoint("http://otel-collector.observability:4318");
    spec.getTracing().setSamplingRatio(0.25);
    stack.setSpec(spec);
    return stack;
  }
}

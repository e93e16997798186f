package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.MonitoringCrds;
import dev.progressive.operator.OperatorHarness;
import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.DashboardSettings.Delivery;
import dev.progressive.operator.api.Monitoring;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ObservabilityStackSpec;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentStatus;
import dev.progressive.operator.api.TracingSettings.Backend;
import dev.progressive.operator.cluster.GrafanaDashboard;
import dev.progressive.operator.cluster.OptionalApi;
import dev.progressive.operator.cluster.Prometheus;
import dev.progressive.operator.cluster.PrometheusRule;
import dev.progressive.operator.cluster.ServiceMonitor;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agents on a cluster with prometheus-operator and grafana-operator: one Prometheus that selects
 * {@code release: kube-prometheus-stack} in every namespace, and three namespaces that get their
 * selector labels from a stack, from a stack with the wrong labels, and from the Prometheus itself.
 */
class AgentMonitoringIntegrationTest {
  private static final Map<String, String> KPS = Map.of("release", "kube-prometheus-stack");
  private static final String EXTERNAL_OTLP = "http://otel-collector.observability:4318";
  private static OperatorHarness harness;
  private static KubernetesClient client;

  @BeforeAll
  static void startWithMonitoringApisAndAgents() {
    harness = OperatorHarness.start();
    client = harness.client();
    // Started afresh below, so that its first look at the cluster already sees the monitoring APIs.
    harness.stopOperator();
    MonitoringCrds.install(client);
    for (var ns : List.of("monitoring", "monitored", "unselected", "discovered")) {
      client.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    }
    var selectors = Map.<String, Object>of(
        "serviceMonitorSelector", Map.of("matchLabels", KPS), "serviceMonitorNamespaceSelector", Map.of(),
        "ruleSelector", Map.of("matchLabels", KPS), "ruleNamespaceSelector", Map.of());
    client.resource(OptionalApi.withSpec(new Prometheus(), "k8s", "monitoring", Map.of(), selectors)).create();
    client.resource(stack("monitored", KPS)).create();
    client.resource(stack("unselected", Map.of("release", "prometheus-community"))).create();
    client.resource(agent("npa", AgentType.NPA, "monitored")).create();
    client.resource(agent("wpa", AgentType.WPA, "unselected")).create();
    client.resource(agent("mca", AgentType.MCA, "discovered")).create();
    harness.startOperator();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void anAgentGetsItsServiceMonitorRuleAndGrafanaDashboardWithTheStacksSelectorLabels() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var monitored = monitored("monitored", "npa");
      assertThat(monitored.getStatus()).isEqualTo("True");
      assertThat(monitored.getReason()).isEqualTo("Selected");
      assertThat(monitored.getMessage()).contains("Prometheus monitoring/k8s", "GrafanaDashboard npa");
    });
    var serviceMonitor = client.resources(ServiceMonitor.class).inNamespace("monitored").withName("npa").get();
    assertThat(serviceMonitor.getMetadata().getLabels()).containsAllEntriesOf(KPS);
    assertThat(serviceMonitor.<String>get("spec", "endpoints", 0, "port")).isEqualTo("http");
    assertThat(serviceMonitor.<String>get("spec", "endpoints", 0, "path")).isEqualTo("/metrics");
    assertThat(serviceMonitor.<Object>get("spec", "jobLabel")).isNull();
    var rule = client.resources(PrometheusRule.class).inNamespace("monitored").withName("npa").get();
    assertThat(rule.getMetadata().getLabels()).containsAllEntriesOf(KPS);
    assertThat(rule.<String>get("spec", "groups", 0, "rules", 0, "alert")).isNotBlank();
    assertThat(client.resources(GrafanaDashboard.class).inNamespace("monitored").withName("npa").get()).isNotNull();
    assertThat(client.configMaps().inNamespace("monitored").withName("npa-dashboard").get()).isNull();
    for (var owned : List.of(serviceMonitor, rule)) {
      assertThat(owned.getMetadata().getOwnerReferences()).singleElement()
          .satisfies(ref -> assertThat(ref.getKind()).isEqualTo("ProgressiveAgent"));
    }
  }

  @Test
  void anAgentWithoutOwnTracingExportsToTheStacksEndpoint() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(env(client.apps().deployments().inNamespace("monitored").withName("npa").get()))
            .contains(new EnvVar("OTEL_EXPORTER_OTLP_ENDPOINT", EXTERNAL_OTLP, null), new EnvVar("OTEL_TRACES_SAMPLER_ARG", "0.25", null)));
  }

  @Test
  void labelsThatNoPrometheusSelectsAreReportedWithTheLabelsToAdd() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var monitored = monitored("unselected", "wpa");
      assertThat(monitored.getStatus()).isEqualTo("False");
      assertThat(monitored.getReason()).isEqualTo("NotSelected");
      assertThat(monitored.getMessage()).contains("release=kube-prometheus-stack", "ServiceMonitor wpa", "PrometheusRule wpa");
    });
  }

  @Test
  void withoutAStackTheLabelsComeFromThePrometheusAndTheDashboardFromAConfigMap() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(monitored("discovered", "mca").getReason()).isEqualTo("Selected");
      assertThat(client.resources(ServiceMonitor.class).inNamespace("discovered").withName("mca").get()
          .getMetadata().getLabels()).containsAllEntriesOf(KPS);
      ConfigMap dashboard = client.configMaps().inNamespace("discovered").withName("mca-dashboard").get();
      assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
      assertThat(dashboard.getData()).containsKey("mca.json");
    });
  }

  @Test
  void removingTheSloRemovesItsRulesFromThePrometheusRule() {
    patchMonitoring("{\"slo\": {\"availability\": 99.5, \"latencyP95\": 0.5}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> ruleGroups().size() == 2);
    patchMonitoring("{\"slo\": null}");
    await().atMost(Duration.ofSeconds(30)).until(() -> ruleGroups().size() == 1);
  }

  /** A merge patch without resourceVersion, so that it cannot conflict with the operator's status writes. */
  private static void patchMonitoring(String monitoring) {
    client.resources(ProgressiveAgent.class).inNamespace("discovered").withName("mca")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\": {\"monitoring\": " + monitoring + "}}");
  }

  private static List<?> ruleGroups() {
    var rule = client.resources(PrometheusRule.class).inNamespace("discovered").withName("mca").get();
    return rule == null ? List.of() : rule.get("spec", "groups");
  }

  private static Condition monitored(String namespace, String name) {
    var agent = client.resources(ProgressiveAgent.class).inNamespace(namespace).withName(name).get();
    return Conditions.find(agent.getStatus() == null ? null : agent.getStatus().getConditions(), ProgressiveAgentStatus.MONITORED)
        .orElseGet(Condition::new);
  }

  private static List<EnvVar> env(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
  }

  private static ProgressiveAgent agent(String name, AgentType type, String namespace) {
    var agent = Agents.agent(name, type);
    agent.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    agent.getSpec().setMonitoring(new Monitoring());
    return agent;
  }

  private static ObservabilityStack stack(String namespace, Map<String, String> selectorLabels) {
    var stack = new ObservabilityStack();
    stack.setMetadata(new ObjectMetaBuilder().withName("observability").withNamespace(namespace).build());
    var spec = new ObservabilityStackSpec();
    spec.getPrometheus().setSelectorLabels(selectorLabels);
    spec.getDashboards().setDelivery(Delivery.GRAFANA_OPERATOR);
    spec.getTracing().setBackend(Backend.EXTERNAL);
    spec.getTracing().setEndpoint(EXTERNAL_OTLP);
    spec.getTracing().setSamplingRatio(0.25);
    stack.setSpec(spec);
    return stack;
  }
}

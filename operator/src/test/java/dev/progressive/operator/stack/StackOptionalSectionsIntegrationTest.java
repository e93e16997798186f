package dev.progressive.operator.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.UserEdits;
import dev.progressive.operator.OperatorHarness;
import dev.progressive.operator.RecordedLogs;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.AlertmanagerConfig;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every section of a stack's spec is optional: a stack that leaves any out, or all of them, or drops
 * one later, reconciles to Ready with nothing failing in the operator's log.
 */
class StackOptionalSectionsIntegrationTest {
  private static RecordedLogs logs;
  private static OperatorHarness harness;
  private static KubernetesClient client;

  @BeforeAll
  static void startOnAClusterWithMonitoringApis() {
    logs = RecordedLogs.start();
    harness = OperatorHarness.startWithMonitoringApis();
    client = harness.client();
  }

  @AfterAll
  static void stopAndCheckThatNothingFailedAnywhere() {
    harness.close();
    logs.close();
    assertThat(logs.exceptions()).as("exceptions in the operator's log").noneMatch(e -> e.contains("NullPointerException"));
  }

  @Test
  void anEmptySpecGetsTheDefaultComponents() {
    var namespace = "empty-spec";
    client.resource(client.getKubernetesSerialization().unmarshal("""
        {"apiVersion": "progressive.dev/v1alpha1", "kind": "ObservabilityStack",
         "metadata": {"name": "minimal", "namespace": "%s"}, "spec": {}}""".formatted(namespace), GenericKubernetesResource.class))
        .create();
    var conditions = awaitReady(namespace, "minimal");
    assertThat(condition(conditions, StackStatus.ALERTING).getReason()).isEqualTo(StackStatus.NOT_CONFIGURED);
    assertThat(condition(conditions, StackStatus.LOGGING).getReason()).isEqualTo(StackStatus.NOT_CONFIGURED);
    assertThat(client.configMaps().inNamespace(namespace).withName("minimal-dashboards").get()).isNotNull();
    assertThat(client.apps().deployments().inNamespace(namespace).withName("minimal-jaeger").get()).isNotNull();
    assertThat(logs.problemsMentioning(namespace)).isEmpty();
  }

  @ParameterizedTest(name = "without spec.{0}")
  @ValueSource(strings = {"prometheus", "alerting", "dashboards", "tracing", "logging", "sla", "remediation"})
  void theSampleWithoutOneSectionIsReady(String section) {
    var namespace = "without-" + section;
    SampleStack.createSecrets(client, namespace);
    client.resource(SampleStack.without(namespace, section)).create();
    awaitReady(namespace, "observability");
    assertThat(logs.problemsMentioning(namespace)).isEmpty();
  }

  @Test
  void droppingLoggingAndAlertingLaterDeletesTheirObjects() {
    var namespace = "dropped-sections";
    SampleStack.createSecrets(client, namespace);
    client.resource(SampleStack.in(namespace)).create();
    awaitReady(namespace, "observability");
    assertThat(client.configMaps().inNamespace(namespace).withName("observability-datasources").get()).isNotNull();

    UserEdits.edit(() -> client.resources(ObservabilityStack.class).inNamespace(namespace).withName("observability").edit(stack -> {
      stack.getSpec().setLogging(null);
      stack.getSpec().setAlerting(null);
      return stack;
    }));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(client.configMaps().inNamespace(namespace).withName("observability-datasources").get()).isNull();
      assertThat(client.resources(AlertmanagerConfig.class).inNamespace(namespace).withName("observability").get()).isNull();
      var conditions = stack(namespace, "observability").getStatus().getConditions();
      assertThat(condition(conditions, StackStatus.LOGGING).getReason()).isEqualTo(StackStatus.NOT_CONFIGURED);
      assertThat(condition(conditions, Conditions.READY).getStatus()).as("%s", conditions).isEqualTo("True");
    });
    assertThat(client.configMaps().inNamespace(namespace).withName("observability-dashboards").get()).isNotNull();
    assertThat(logs.problemsMentioning(namespace)).isEmpty();
  }

  private static List<Condition> awaitReady(String namespace, String name) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var status = stack(namespace, name).getStatus();
      assertThat(status).isNotNull();
      assertThat(condition(status.getConditions(), Conditions.READY).getStatus()).as("%s", status.getConditions()).isEqualTo("True");
    });
    return stack(namespace, name).getStatus().getConditions();
  }

  private static ObservabilityStack stack(String namespace, String name) {
    return client.resources(ObservabilityStack.class).inNamespace(namespace).withName(name).get();
  }

  private static Condition condition(List<Condition> conditions, String type) {
    return Conditions.find(conditions, type).orElseGet(Condition::new);
  }
}

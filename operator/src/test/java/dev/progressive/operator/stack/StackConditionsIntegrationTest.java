package dev.progressive.operator.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.MonitoringCrds;
import dev.progressive.operator.OperatorHarness;
import dev.progressive.operator.RecordedLogs;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a stack's conditions tell its reader when something it needs is wrong in the cluster. */
class StackConditionsIntegrationTest {
  private static RecordedLogs logs;
  private static OperatorHarness harness;
  private static KubernetesClient client;

  @BeforeAll
  static void startOnAClusterWithMonitoringApis() {
    logs = RecordedLogs.start();
    harness = OperatorHarness.start();
    client = harness.client();
    harness.stopOperator();
    MonitoringCrds.install(client);
    harness.startOperator();
  }

  @AfterAll
  static void stop() {
    harness.close();
    logs.close();
  }

  @Test
  void aFailedApplyIsOneLineInTheStatusAndItsStackTraceIsInTheLog() {
    var namespace = "name-taken";
    // Not the stack's: the operator cannot create its dashboards ConfigMap under that name.
    client.resource(new ConfigMapBuilder().withNewMetadata().withName("taken-dashboards").withNamespace(namespace).endMetadata()
        .addToData("owner", "someone else").build()).create();
    var stack = SampleStack.without(namespace, "alerting", "remediation");
    stack.getMetadata().setName("taken");
    client.resource(stack).create();

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var ready = ready(namespace, "taken");
      assertThat(ready.getReason()).as("%s", ready).isEqualTo("ReconcileFailed");
      // The reason and wording after the code are the API server's (the test API words them its own way).
      assertThat(ready.getMessage()).startsWith("Could not apply the stack's objects: dashboards-configmap: 409 ")
          .contains("taken-dashboards", "already exists")
          .doesNotContain("\n", "\tat ", "Failure executing", "Status(");
    });
    assertThat(logs.stackTraceLoggedFor(namespace)).as("the failure logged with its stack trace").isTrue();
  }

  private static Condition ready(String namespace, String name) {
    var status = client.resources(ObservabilityStack.class).inNamespace(namespace).withName(name).get().getStatus();
    return Conditions.find(status == null ? null : status.getConditions(), Conditions.READY).orElseGet(Condition::new);
  }
}

package dev.progressive.operator.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.UserEdits;
import dev.progressive.operator.OperatorHarness;
import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.RecordedLogs;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.MonitoringDiscovery;
import dev.progressive.operator.common.ChildChanges;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a stack's conditions tell its reader when something it needs is wrong in the cluster. */
class StackConditionsIntegrationTest {
  private static final String PLAIN_VALUE = "s3cr3t-credential";
  private static final String VALUE = Base64.getEncoder().encodeToString(PLAIN_VALUE.getBytes(StandardCharsets.UTF_8));
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
    // The children created before the failure are told, once, though the retries fail too.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(client.v1().events().inNamespace(namespace).list()
        .getItems()).filteredOn(e -> "taken".equals(e.getInvolvedObject().getName()) && ChildChanges.CREATED.equals(e.getReason()))
        .singleElement().satisfies(event -> assertThat(event.getMessage()).startsWith("Created ").doesNotContain("taken-dashboards")));
    // java-operator-sdk logs the exception once updateErrorStatus has written the status.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(logs.stackTraceLoggedFor(namespace)).as("the failure logged with its stack trace").isTrue());
  }

  @Test
  void secretsCreatedOrFixedLaterResolveAtOnceAndADeletedOneIsMissedAgain() {
    var namespace = "secrets-later";
    client.resource(SampleStack.in(namespace)).create();
    awaitSecretsResolved(client, namespace, "False", StackSecrets.SECRET_NOT_FOUND,
        "Secret alertmanager-credentials not found (keys smtp-password, slack-webhook-url, pagerduty-mca, pagerduty-sre);"
            + " Secret remediation-webhook not found (key token)");
    assertThat(condition(client, namespace, Conditions.READY)).extracting("status", "reason")
        .containsExactly("False", StackStatus.SECRETS_MISSING);

    client.resource(SampleStack.secret(namespace, "alertmanager-credentials",
        Map.of("smtp-password", VALUE, "slack-webhook-url", VALUE, "pagerduty-mca", VALUE))).create();
    client.resource(SampleStack.secret(namespace, "remediation-webhook", Map.of("token", VALUE))).create();
    awaitSecretsResolved(client, namespace, "False", StackSecrets.KEY_NOT_FOUND,
        "Secret alertmanager-credentials has no key pagerduty-sre (spec.alerting.pagerDuty.sre)");

    client.secrets().inNamespace(namespace).withName("alertmanager-credentials").edit(secret -> {
      secret.getData().put("pagerduty-sre", VALUE);
      return secret;
    });
    awaitSecretsResolved(client, namespace, "True", StackSecrets.ALL_FOUND, null);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(condition(client, namespace, Conditions.READY).getStatus()).isEqualTo("True"));

    client.secrets().inNamespace(namespace).withName("remediation-webhook").delete();
    awaitSecretsResolved(client, namespace, "False", StackSecrets.SECRET_NOT_FOUND, "Secret remediation-webhook not found (key token)");

    var written = client.getKubernetesSerialization().asJson(
        client.resources(ObservabilityStack.class).inNamespace(namespace).withName("observability").get());
    assertThat(written).doesNotContain(VALUE, PLAIN_VALUE);
    assertThat(logs.linesMentioning(VALUE)).isEmpty();
    assertThat(logs.linesMentioning(PLAIN_VALUE)).isEmpty();
  }

  @Test
  void anOperatorOfSeveralNamespacesSeesTheSecretsOfEach() {
    try (var scoped = OperatorHarness.start(new ProgressiveOperator.Settings(Set.of("team-a", "team-b"), Optional.empty(), false))) {
      var scopedClient = scoped.client();
      for (var namespace : List.of("team-a", "team-b")) {
        scopedClient.resource(SampleStack.in(namespace)).create();
        awaitSecretsResolved(scopedClient, namespace, "False", StackSecrets.SECRET_NOT_FOUND, null);
      }
      for (var namespace : List.of("team-a", "team-b")) {
        SampleStack.createSecrets(scopedClient, namespace);
        awaitSecretsResolved(scopedClient, namespace, "True", StackSecrets.ALL_FOUND, null);
      }
      // Each namespace's informer keeps its own Secrets: the second one's list did not drop the first's.
      UserEdits.edit(() -> scopedClient.resources(ObservabilityStack.class).inNamespace("team-a").withName("observability")
          .edit(stack -> {
            stack.getSpec().getRemediation().setEnabled(false);
            return stack;
          }));
      awaitSecretsResolved(scopedClient, "team-a", "True", StackSecrets.ALL_FOUND,
          "Every referenced key exists: alertmanager-credentials (keys smtp-password, slack-webhook-url, pagerduty-mca, pagerduty-sre)");
    }
  }

  /**
   * Well within {@link MonitoringDiscovery#REFRESH}, the stack's resync period: the change must come from
   * the Secret's own event.
   */
  private static void awaitSecretsResolved(KubernetesClient on, String namespace, String status, String reason, String message) {
    await().atMost(MonitoringDiscovery.REFRESH.dividedBy(2)).untilAsserted(() -> {
      var secrets = condition(on, namespace, StackStatus.SECRETS_RESOLVED);
      assertThat(secrets).as("%s", secrets).extracting("status", "reason").containsExactly(status, reason);
      if (message != null) {
        assertThat(secrets.getMessage()).isEqualTo(message);
      }
    });
  }

  private static Condition condition(KubernetesClient on, String namespace, String type) {
    var stack = on.resources(ObservabilityStack.class).inNamespace(namespace).withName("observability").get();
    var status = stack == null ? null : stack.getStatus();
    return Conditions.find(status == null ? null : status.getConditions(), type).orElseGet(Condition::new);
  }

  private static Condition ready(String namespace, String name) {
    var status = client.resources(ObservabilityStack.class).inNamespace(namespace).withName(name).get().getStatus();
    return Conditions.find(status == null ? null : status.getConditions(), Conditions.READY).orElseGet(Condition::new);
  }
}

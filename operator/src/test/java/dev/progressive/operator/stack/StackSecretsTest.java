package dev.progressive.operator.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ObservabilityStackStatus;
import dev.progressive.operator.api.SecretKey;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.StackPreferences;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.common.FailureSamples;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which Secrets a stack references, and what SecretsResolved and Ready say about them. */
class StackSecretsTest {
  private static final String NS = "team-a";
  private static final Set<String> CREDENTIALS = Set.of("smtp-password", "slack-webhook-url", "pagerduty-mca", "pagerduty-sre");
  private static final Map<String, Set<String>> ALL_THERE = Map.of(
      "alertmanager-credentials", CREDENTIALS, "remediation-webhook", Set.of("token"));
  private final ObservabilityStack stack = SampleStack.in(NS);

  @Test
  void theReferencesAreExactlyTheSecretKeysTheAlertmanagerConfigUses() {
    var config = StackAlerting.desired(stack, MonitoringSetup.none(NS));
    var json = new KubernetesSerialization().convertValue(config.getAdditionalProperties().get("spec"), JsonNode.class);
    var selectors = new ArrayList<String>();
    collectSecretKeySelectors(json, selectors);
    var references = StackSecrets.references(stack.getSpec()).stream().map(r -> r.secret() + "/" + r.key()).toList();
    assertThat(references).hasSize(5).containsExactlyInAnyOrderElementsOf(Set.copyOf(selectors));
  }

  @Test
  void withoutAlertingNothingReadsASecret() {
    var withoutAlerting = SampleStack.without(NS, "alerting");
    assertThat(withoutAlerting.getSpec().getRemediation()).isNotNull();
    assertThat(StackSecrets.references(withoutAlerting.getSpec())).isEmpty();
    assertThat(StackSecrets.condition(withoutAlerting.getSpec(), Map.of()))
        .extracting("status", "reason", "message").containsExactly("True", StackSecrets.ALL_FOUND, "The spec references no Secret");
  }

  @Test
  void aDisabledRemediationNeedsNoToken() {
    stack.getSpec().getRemediation().setEnabled(false);
    assertThat(StackSecrets.secretNames(stack.getSpec())).containsExactly("alertmanager-credentials");
  }

  @Test
  void aPasswordWithoutAKeyIsAnInvalidSpecRatherThanAFailedApply() {
    stack.getSpec().getAlerting().getSmtp().setPassword(new SecretKey("alertmanager-credentials", null));
    assertThat(StackValidation.validate(stack.getSpec())).extracting(v -> v.field()).containsExactly("spec.alerting.smtp.password");
  }

  @Test
  void everyKeyFoundResolvesAndNamesWhatWasChecked() {
    assertThat(StackSecrets.condition(stack.getSpec(), ALL_THERE)).extracting("status", "reason", "message").containsExactly(
        "True", StackSecrets.ALL_FOUND, "Every referenced key exists: alertmanager-credentials (keys smtp-password,"
            + " slack-webhook-url, pagerduty-mca, pagerduty-sre), remediation-webhook (key token)");
  }

  @Test
  void aMissingSecretIsNamedWithTheKeysWanted() {
    var condition = StackSecrets.condition(stack.getSpec(), Map.of("alertmanager-credentials", CREDENTIALS));
    assertThat(condition).extracting("status", "reason", "message").containsExactly(
        "False", StackSecrets.SECRET_NOT_FOUND, "Secret remediation-webhook not found (key token)");
  }

  @Test
  void aMissingKeyIsNamedWithTheFieldThatWantsIt() {
    var condition = StackSecrets.condition(stack.getSpec(), Map.of(
        "alertmanager-credentials", Set.of("smtp-password", "slack-webhook-url", "pagerduty-mca"), "remediation-webhook", Set.of("token")));
    assertThat(condition).extracting("status", "reason", "message").containsExactly(
        "False", StackSecrets.KEY_NOT_FOUND, "Secret alertmanager-credentials has no key pagerduty-sre (spec.alerting.pagerDuty.sre)");
  }

  @Test
  void everyProblemIsListedAndAMissingSecretDecidesTheReason() {
    var condition = StackSecrets.condition(stack.getSpec(), Map.of("alertmanager-credentials", Set.of("slack-webhook-url")));
    assertThat(condition.getReason()).isEqualTo(StackSecrets.SECRET_NOT_FOUND);
    assertThat(condition.getMessage()).isEqualTo("Secret alertmanager-credentials has no key smtp-password (spec.alerting.smtp.password);"
        + " Secret alertmanager-credentials has no key pagerduty-mca (spec.alerting.pagerDuty.mca);"
        + " Secret alertmanager-credentials has no key pagerduty-sre (spec.alerting.pagerDuty.sre);"
        + " Secret remediation-webhook not found (key token)");
  }

  @Test
  void missingSecretsMakeTheStackNotReady() {
    var ready = condition(status(Map.of(), Optional.empty()), Conditions.READY);
    assertThat(ready).extracting("status", "reason").containsExactly("False", StackStatus.SECRETS_MISSING);
    assertThat(ready.getMessage()).startsWith("SecretsResolved: Secret alertmanager-credentials not found");
    assertThat(condition(status(ALL_THERE, Optional.empty()), Conditions.READY).getStatus()).isEqualTo("True");
  }

  @Test
  void aFailureIsReportedOnOneLine() {
    var ready = condition(status(ALL_THERE, Optional.of(FailureSamples.workflowFailure())), Conditions.READY);
    assertThat(ready.getReason()).isEqualTo("ReconcileFailed");
    assertThat(ready.getMessage()).startsWith("Could not apply the stack's objects: dashboards-configmap: 409 AlreadyExists")
        .doesNotContain("\n", "\tat ");
  }

  private ObservabilityStackStatus status(Map<String, Set<String>> secrets, Optional<Exception> failure) {
    var setup = MonitoringSetup.withEveryApi(NS, Optional.of(StackPreferences.of(stack)));
    var readyJaeger = new DeploymentBuilder(Jaeger.deployment(stack)).withNewStatus().withReadyReplicas(1).endStatus().build();
    return StackStatus.desired(stack, new StackStatus.Observation(List.of(), setup, Optional.of(readyJaeger), secrets, failure, Optional.empty()));
  }

  private static Condition condition(ObservabilityStackStatus status, String type) {
    return Conditions.find(status.getConditions(), type).orElseThrow();
  }

  /** Secret key selectors: objects of exactly name and key. */
  private static void collectSecretKeySelectors(JsonNode node, List<String> found) {
    if (node.isObject() && node.size() == 2 && node.has("name") && node.has("key")) {
      found.add(node.get("name").asText() + "/" + node.get("key").asText());
    }
    node.forEach(child -> collectSecretKeySelectors(child, found));
  }
}

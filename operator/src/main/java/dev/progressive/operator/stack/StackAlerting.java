package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.Remediation;
import dev.progressive.operator.api.SecretKey;
import dev.progressive.operator.cluster.AlertmanagerConfig;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.OptionalApi;
import dev.progressive.operator.monitoring.AlertRouting;
import dev.progressive.operator.monitoring.AlertmanagerConfigSpec;
import dev.progressive.operator.monitoring.SecretRef;
import dev.progressive.operator.monitoring.SeedAlertRouting;
import java.util.Optional;

/**
 * The namespace's Alertmanager routing as an AlertmanagerConfig: the seed's routes and receivers,
 * and first the route to the operator's remediation webhook. Credentials stay Secret references.
 */
public final class StackAlerting {
  static final String COMPONENT = "alerting";

  private StackAlerting() {}

  public static String name(ObservabilityStack stack) {
    return stack.getMetadata().getName();
  }

  public static AlertmanagerConfig desired(ObservabilityStack stack, MonitoringSetup setup) {
    return OptionalApi.withSpec(new AlertmanagerConfig(), name(stack), stack.getMetadata().getNamespace(),
        StackLabels.selectable(stack, COMPONENT, setup.ruleLabels()), AlertmanagerConfigSpec.spec(routing(stack).orElseThrow()));
  }

  /** The routing spec.alerting describes, or empty when it describes none. */
  public static Optional<AlertRouting> routing(ObservabilityStack stack) {
    var alerting = stack.getSpec().getAlerting();
    if (alerting == null) {
      return Optional.empty();
    }
    var smtp = alerting.getSmtp();
    var password = Optional.ofNullable(smtp.getPassword()).map(StackAlerting::ref).orElse(null);
    return Optional.of(SeedAlertRouting.routing(
        new AlertRouting.Smtp(smtp.getSmarthost(), smtp.getFrom(), smtp.getUsername(), password),
        new SeedAlertRouting.Credentials(ref(alerting.getSlackWebhook()), ref(alerting.getPagerDuty().getMca()),
            ref(alerting.getPagerDuty().getSre())),
        remediation(stack, alerting.getHeartbeatInterval()).orElse(null)));
  }

  private static Optional<AlertRouting.RemediationWebhook> remediation(ObservabilityStack stack, String heartbeatInterval) {
    return Optional.ofNullable(stack.getSpec().getRemediation())
        .filter(Remediation::getEnabled)
        .map(r -> new AlertRouting.RemediationWebhook(r.getWebhookUrl(), ref(r.getWebhookAuthSecret()), heartbeatInterval));
  }

  private static SecretRef ref(SecretKey key) {
    return new SecretRef(key.getName(), key.getKey());
  }
}

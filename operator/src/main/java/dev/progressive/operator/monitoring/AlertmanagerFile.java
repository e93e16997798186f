package dev.progressive.operator.monitoring;

import static dev.progressive.operator.monitoring.Serialization.fields;

import dev.progressive.operator.monitoring.AlertRouting.Email;
import dev.progressive.operator.monitoring.AlertRouting.Inhibition;
import dev.progressive.operator.monitoring.AlertRouting.PagerDuty;
import dev.progressive.operator.monitoring.AlertRouting.Receiver;
import dev.progressive.operator.monitoring.AlertRouting.RemediationWebhook;
import dev.progressive.operator.monitoring.AlertRouting.Route;
import dev.progressive.operator.monitoring.AlertRouting.Slack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plain alertmanager.yml, for Alertmanagers that prometheus-operator does not manage. Every
 * credential is a {@code *_file} path to a mounted Secret key, {@code <secretsDir>/<name>/<key>}:
 * the layout in which an Alertmanager resource's {@code spec.secrets} and a Secret volume per
 * directory mount them.
 */
public final class AlertmanagerFile {

  /** Where prometheus-operator mounts the Secrets listed in an Alertmanager's {@code spec.secrets}. */
  public static final Path DEFAULT_SECRETS_DIR = Path.of("/etc/alertmanager/secrets");

  private final Path secretsDir;

  private AlertmanagerFile(Path secretsDir) {
    this.secretsDir = secretsDir;
  }

  public static String yaml(AlertRouting routing, Path secretsDir) {
    return Serialization.yaml(new AlertmanagerFile(secretsDir).config(routing));
  }

  private Map<String, Object> config(AlertRouting routing) {
    List<Object> receivers = new ArrayList<>(routing.receivers().stream().map(this::receiver).toList());
    if (routing.remediation() != null) {
      receivers.add(0, remediationReceiver(routing.remediation()));
    }
    return fields(
        "global", routing.smtp() == null ? null : fields(
            "smtp_smarthost", routing.smtp().smarthost(),
            "smtp_from", routing.smtp().from(),
            "smtp_auth_username", routing.smtp().username(),
            "smtp_auth_password_file", file(routing.smtp().password())),
        "route", route(routing.root(), routing.childRoutes()),
        "receivers", receivers,
        "inhibit_rules", routing.inhibitions().stream().map(AlertmanagerFile::inhibitRule).toList());
  }

  private static Map<String, Object> route(Route route, List<Route> children) {
    return fields(
        "receiver", route.receiver(),
        "matchers", matchers(route.matchers()),
        "group_by", route.groupBy(),
        "group_wait", route.groupWait(),
        "group_interval", route.groupInterval(),
        "repeat_interval", route.repeatInterval(),
        "continue", route.continues() ? true : null,
        "routes", children.stream().map(child -> route(child, List.of())).toList());
  }

  private Map<String, Object> receiver(Receiver receiver) {
    return fields(
        "name", receiver.name(),
        "email_configs", receiver.emails().stream().map(AlertmanagerFile::email).toList(),
        "slack_configs", receiver.slack().stream().map(this::slack).toList(),
        "pagerduty_configs", receiver.pagerDuty().stream().map(this::pagerDuty).toList());
  }

  private static Map<String, Object> email(Email email) {
    return fields("to", email.to(), "headers", Map.of("Subject", email.subject()), "text", email.text());
  }

  private Map<String, Object> slack(Slack slack) {
    return fields("api_url_file", file(slack.apiUrl()), "channel", slack.channel(), "title", slack.title(),
        "text", slack.text());
  }

  private Map<String, Object> pagerDuty(PagerDuty pagerDuty) {
    return fields("routing_key_file", file(pagerDuty.routingKey()), "description", pagerDuty.description());
  }

  private Map<String, Object> remediationReceiver(RemediationWebhook webhook) {
    return fields("name", AlertRouting.REMEDIATION_RECEIVER, "webhook_configs", List.of(fields(
        "url", webhook.url(),
        "send_resolved", true,
        "http_config", fields("authorization",
            fields("type", "Bearer", "credentials_file", file(webhook.bearerToken()))))));
  }

  private static Map<String, Object> inhibitRule(Inhibition inhibition) {
    return fields("source_matchers", matchers(inhibition.source()), "target_matchers", matchers(inhibition.target()),
        "equal", inhibition.equal());
  }

  /** Matchers in Alertmanager's string form, {@code name="value"}, in label order. */
  private static List<String> matchers(Map<String, String> labels) {
    return new TreeMap<>(labels).entrySet().stream()
        .map(label -> label.getKey() + "=" + Serialization.JSON.valueToTree(label.getValue()).toString())
        .toList();
  }

  private String file(SecretRef secret) {
    return secretsDir.resolve(secret.name()).resolve(secret.key()).toString();
  }
}

package dev.progressive.operator.monitoring;

import static dev.progressive.operator.monitoring.Serialization.fields;

import dev.progressive.operator.monitoring.AlertRouting.Email;
import dev.progressive.operator.monitoring.AlertRouting.Inhibition;
import dev.progressive.operator.monitoring.AlertRouting.PagerDuty;
import dev.progressive.operator.monitoring.AlertRouting.Receiver;
import dev.progressive.operator.monitoring.AlertRouting.RemediationWebhook;
import dev.progressive.operator.monitoring.AlertRouting.Route;
import dev.progressive.operator.monitoring.AlertRouting.Slack;
import dev.progressive.operator.monitoring.AlertRouting.Smtp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code spec} of an AlertmanagerConfig ({@code monitoring.coreos.com/v1alpha1}). Credentials
 * are Secret key selectors ({@code name}, {@code key}) in the AlertmanagerConfig's namespace.
 *
 * <p>prometheus-operator adds {@code namespace="<this object's namespace>"} to the top-level route
 * (and to inhibit rules), so this routing only sees alerts that carry that label.
 */
public final class AlertmanagerConfigSpec {

  private AlertmanagerConfigSpec() {}

  public static Map<String, Object> spec(AlertRouting routing) {
    List<Object> receivers = new ArrayList<>(routing.receivers().stream()
        .map(receiver -> receiver(receiver, routing.smtp())).toList());
    if (routing.remediation() != null) {
      receivers.add(0, remediationReceiver(routing.remediation()));
    }
    return fields(
        "route", route(routing.root(), routing.childRoutes()),
        "receivers", receivers,
        "inhibitRules", routing.inhibitions().stream().map(AlertmanagerConfigSpec::inhibitRule).toList());
  }

  private static Map<String, Object> route(Route route, List<Route> children) {
    return fields(
        "receiver", route.receiver(),
        "matchers", matchers(route.matchers()),
        "groupBy", route.groupBy(),
        "groupWait", route.groupWait(),
        "groupInterval", route.groupInterval(),
        "repeatInterval", route.repeatInterval(),
        "continue", route.continues() ? true : null,
        "routes", children.stream().map(child -> route(child, List.of())).toList());
  }

  private static Map<String, Object> receiver(Receiver receiver, Smtp smtp) {
    return fields(
        "name", receiver.name(),
        "emailConfigs", receiver.emails().stream().map(email -> email(email, smtp)).toList(),
        "slackConfigs", receiver.slack().stream().map(AlertmanagerConfigSpec::slack).toList(),
        "pagerdutyConfigs", receiver.pagerDuty().stream().map(AlertmanagerConfigSpec::pagerDuty).toList());
  }

  /** An AlertmanagerConfig has no global section: each email carries the SMTP settings. */
  private static Map<String, Object> email(Email email, Smtp smtp) {
    return fields(
        "to", email.to(),
        "from", smtp.from(),
        "smarthost", smtp.smarthost(),
        "authUsername", smtp.username(),
        "authPassword", selector(smtp.password()),
        "headers", List.of(fields("key", "Subject", "value", email.subject())),
        "text", email.text());
  }

  private static Map<String, Object> slack(Slack slack) {
    return fields("apiURL", selector(slack.apiUrl()), "channel", slack.channel(), "title", slack.title(),
        "text", slack.text());
  }

  private static Map<String, Object> pagerDuty(PagerDuty pagerDuty) {
    return fields("routingKey", selector(pagerDuty.routingKey()), "description", pagerDuty.description());
  }

  private static Map<String, Object> remediationReceiver(RemediationWebhook webhook) {
    return fields("name", AlertRouting.REMEDIATION_RECEIVER, "webhookConfigs", List.of(fields(
        "url", webhook.url(),
        "sendResolved", true,
        "httpConfig", fields("authorization",
            fields("type", "Bearer", "credentials", selector(webhook.bearerToken()))))));
  }

  private static Map<String, Object> inhibitRule(Inhibition inhibition) {
    return fields("sourceMatch", matchers(inhibition.source()), "targetMatch", matchers(inhibition.target()),
        "equal", inhibition.equal());
  }

  private static List<Map<String, Object>> matchers(Map<String, String> labels) {
    return new TreeMap<>(labels).entrySet().stream()
        .map(label -> fields("name", label.getKey(), "value", label.getValue(), "matchType", "="))
        .toList();
  }

  private static Map<String, Object> selector(SecretRef secret) {
    return fields("name", secret.name(), "key", secret.key());
  }
}

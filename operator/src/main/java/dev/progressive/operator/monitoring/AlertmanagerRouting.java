package dev.progressive.operator.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.progressive.operator.monitoring.AlertRouting.Email;
import dev.progressive.operator.monitoring.AlertRouting.Inhibition;
import dev.progressive.operator.monitoring.AlertRouting.RemediationWebhook;
import dev.progressive.operator.monitoring.AlertRouting.Smtp;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The routes, receivers and inhibit rules of an {@link AlertRouting}, built once for both
 * {@link AlertmanagerConfigSpec} and {@link AlertmanagerFile}, which only spell them. Names are the
 * AlertmanagerConfig's camelCase; credentials stay {@link SecretRef}s for each spelling to reference.
 *
 * <p>The SMTP settings stand twice, in {@code global} and in each email: a plain alertmanager.yml
 * sets them once globally, while an AlertmanagerConfig has no global section. Each spelling leaves
 * out the place it lacks.
 */
record AlertmanagerRouting(Global global, Route route, List<Receiver> receivers, List<InhibitRule> inhibitRules) {

  static AlertmanagerRouting of(AlertRouting routing) {
    Smtp smtp = routing.smtp();
    return new AlertmanagerRouting(
        smtp == null ? null : new Global(smtp.smarthost(), smtp.from(), smtp.username(), smtp.password()),
        route(routing.root(), routing.childRoutes()),
        receivers(routing),
        routing.inhibitions().stream().map(AlertmanagerRouting::inhibitRule).toList());
  }

  /** The operator's webhook comes first, as its route does. */
  private static List<Receiver> receivers(AlertRouting routing) {
    return Stream.concat(
            Stream.ofNullable(routing.remediation()).map(AlertmanagerRouting::remediation),
            routing.receivers().stream().map(receiver -> receiver(receiver, routing.smtp())))
        .toList();
  }

  /** {@code continue} is written only when set: Alertmanager's default is to stop at the first match. */
  private static Route route(AlertRouting.Route route, List<AlertRouting.Route> children) {
    return new Route(route.receiver(), matchers(route.matchers()), route.groupBy(), route.groupWait(),
        route.groupInterval(), route.repeatInterval(), route.continues() ? true : null,
        children.stream().map(child -> route(child, List.of())).toList());
  }

  private static Receiver receiver(AlertRouting.Receiver receiver, Smtp smtp) {
    return new Receiver(receiver.name(), List.of(),
        receiver.emails().stream().map(email -> email(email, smtp)).toList(),
        receiver.slack().stream().map(s -> new SlackConfig(s.apiUrl(), s.channel(), s.title(), s.text())).toList(),
        receiver.pagerDuty().stream().map(p -> new PagerdutyConfig(p.routingKey(), p.description())).toList());
  }

  /** A singleton map, as the subject may be null. */
  private static EmailConfig email(Email email, Smtp smtp) {
    return new EmailConfig(email.to(), smtp.from(), smtp.smarthost(), smtp.username(), smtp.password(),
        Collections.singletonMap("Subject", email.subject()), email.text());
  }

  private static Receiver remediation(RemediationWebhook webhook) {
    WebhookConfig config = new WebhookConfig(webhook.url(), true,
        new HttpConfig(new Authorization("Bearer", webhook.bearerToken())));
    return new Receiver(AlertRouting.REMEDIATION_RECEIVER, List.of(config), List.of(), List.of(), List.of());
  }

  private static InhibitRule inhibitRule(Inhibition inhibition) {
    return new InhibitRule(matchers(inhibition.source()), matchers(inhibition.target()), inhibition.equal());
  }

  /** In label order, so that the same routing gives the same bytes. */
  private static List<Matcher> matchers(Map<String, String> labels) {
    return new TreeMap<>(labels).entrySet().stream()
        .map(label -> new Matcher(label.getKey(), label.getValue(), "="))
        .toList();
  }

  record Global(String smtpSmarthost, String smtpFrom, String smtpAuthUsername, SecretRef smtpAuthPassword) {}

  record Route(
      String receiver,
      List<Matcher> matchers,
      List<String> groupBy,
      String groupWait,
      String groupInterval,
      String repeatInterval,
      @JsonProperty("continue") Boolean continues,
      List<Route> routes) {}

  record Receiver(
      String name,
      List<WebhookConfig> webhookConfigs,
      List<EmailConfig> emailConfigs,
      List<SlackConfig> slackConfigs,
      List<PagerdutyConfig> pagerdutyConfigs) {}

  record EmailConfig(
      String to,
      String from,
      String smarthost,
      String authUsername,
      SecretRef authPassword,
      Map<String, String> headers,
      String text) {}

  record SlackConfig(SecretRef apiURL, String channel, String title, String text) {}

  record PagerdutyConfig(SecretRef routingKey, String description) {}

  record WebhookConfig(String url, boolean sendResolved, HttpConfig httpConfig) {}

  record HttpConfig(Authorization authorization) {}

  record Authorization(String type, SecretRef credentials) {}

  record InhibitRule(List<Matcher> sourceMatch, List<Matcher> targetMatch, List<String> equal) {}

  record Matcher(String name, String value, String matchType) {}
}

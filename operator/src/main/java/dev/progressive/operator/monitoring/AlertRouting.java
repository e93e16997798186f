package dev.progressive.operator.monitoring;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where alerts go: the input of {@link AlertmanagerFile} (a plain alertmanager.yml) and of
 * {@link AlertmanagerConfigSpec} (an AlertmanagerConfig). Every credential is a {@link SecretRef}.
 *
 * @param root the top-level route: its receiver takes what no other route matches
 * @param routes the child routes, tried in order; the first that matches takes the alert
 * @param remediation the operator's webhook, which sees every alert before the routes; null for none
 */
public record AlertRouting(
    Smtp smtp,
    Route root,
    List<Route> routes,
    List<Receiver> receivers,
    List<Inhibition> inhibitions,
    RemediationWebhook remediation) {

  /** The receiver name of the operator's webhook; no user receiver may take it. */
  public static final String REMEDIATION_RECEIVER = "progressive-remediation";

  public AlertRouting {
    routes = List.copyOf(routes);
    receivers = List.copyOf(receivers);
    inhibitions = List.copyOf(inhibitions);
    Set<String> names = new HashSet<>();
    for (Receiver receiver : receivers) {
      if (receiver.name().equals(REMEDIATION_RECEIVER) || !names.add(receiver.name())) {
        throw new IllegalArgumentException("receiver name " + receiver.name() + " is reserved or used twice");
      }
      if (!receiver.emails().isEmpty() && smtp == null) {
        throw new IllegalArgumentException("receiver " + receiver.name() + " sends email, but smtp is not set");
      }
    }
    for (Route route : concat(List.of(root), routes)) {
      if (!names.contains(route.receiver())) {
        throw new IllegalArgumentException("route receiver " + route.receiver() + " is not among the receivers");
      }
    }
  }

  /**
   * The child routes as generated: first the operator's {@link Heartbeat}, which goes nowhere else;
   * then the operator's webhook, which sees every alert, each in a
   * group of its own and at once, and lets it continue to the user's routes; then those routes;
   * then a catch-all to the root's receiver. Alertmanager uses a parent's receiver only when no
   * child matched, and the webhook route matches every alert.
   */
  public List<Route> childRoutes() {
    if (remediation == null) {
      return routes;
    }
    Route webhook = new Route(REMEDIATION_RECEIVER, Map.of(), List.of("..."), "0s", "1m", "1h", true);
    Route rest = new Route(root.receiver(), Map.of(), null, null, null, null);
    return concat(concat(List.of(Heartbeat.route(remediation.heartbeatInterval()), webhook), routes), List.of(rest));
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  public record Smtp(String smarthost, String from, String username, SecretRef password) {}

  /**
   * A route: the alerts whose labels equal {@code matchers} (all alerts when empty) go to
   * {@code receiver}, and with {@code continues} also on to the next routes. Null timings inherit
   * the parent's.
   */
  public record Route(
      String receiver,
      Map<String, String> matchers,
      List<String> groupBy,
      String groupWait,
      String groupInterval,
      String repeatInterval,
      boolean continues) {

    public Route {
      Validation.requireText("route receiver", receiver);
      matchers = Map.copyOf(matchers);
      groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
    }

    public Route(String receiver, Map<String, String> matchers, List<String> groupBy, String groupWait,
        String groupInterval, String repeatInterval) {
      this(receiver, matchers, groupBy, groupWait, groupInterval, repeatInterval, false);
    }
  }

  public record Receiver(String name, List<Email> emails, List<Slack> slack, List<PagerDuty> pagerDuty) {

    public Receiver {
      Validation.requireText("receiver name", name);
      emails = List.copyOf(emails);
      slack = List.copyOf(slack);
      pagerDuty = List.copyOf(pagerDuty);
    }
  }

  /** An email; {@code text} may be null for Alertmanager's default body. */
  public record Email(String to, String subject, String text) {}

  /** A Slack message through an incoming webhook, whose URL is the credential. */
  public record Slack(SecretRef apiUrl, String channel, String title, String text) {}

  /** A PagerDuty Events API v2 event. */
  public record PagerDuty(SecretRef routingKey, String description) {}

  /** While an alert matching {@code source} fires, alerts matching {@code target} with equal {@code equal} labels are muted. */
  public record Inhibition(Map<String, String> source, Map<String, String> target, List<String> equal) {

    public Inhibition {
      source = Map.copyOf(source);
      target = Map.copyOf(target);
      equal = List.copyOf(equal);
    }
  }

  /**
   * The operator's {@code /alertmanager/webhook}, called with a bearer token.
   *
   * @param heartbeatInterval how often Alertmanager delivers the {@link Heartbeat}, an Alertmanager duration
   */
  public record RemediationWebhook(String url, SecretRef bearerToken, String heartbeatInterval) {

    public RemediationWebhook(String url, SecretRef bearerToken) {
      this(url, bearerToken, Heartbeat.DEFAULT_INTERVAL);
    }

    public RemediationWebhook {
      Validation.requireText("remediation url", url);
      Validation.requireDuration("heartbeatInterval", heartbeatInterval);
      if (bearerToken == null) {
        throw new IllegalArgumentException("remediation bearerToken must be set: the webhook accepts only authenticated calls");
      }
    }
  }
}

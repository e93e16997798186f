package dev.progressive.operator.monitoring;

import java.util.List;
import java.util.Map;

/**
 * The operator's own heartbeat, like kube-prometheus' Watchdog: an alert that always fires, routed to
 * the operator's webhook at every group interval. While it keeps arriving, the path from Prometheus
 * through Alertmanager to the intake works; when it stops, remediation is blind.
 */
public final class Heartbeat {
  public static final String ALERT = "ProgressiveHeartbeat";
  /** How often Alertmanager delivers the heartbeat when nothing says otherwise. */
  public static final String DEFAULT_INTERVAL = "1m";

  private Heartbeat() {}

  /**
   * The group of one namespace's heartbeat. The rule carries the namespace label because
   * {@code vector(1)} has no labels, and an AlertmanagerConfig only sees alerts of its namespace.
   */
  public static RuleGroup group(String namespace) {
    Validation.requireText("namespace", namespace);
    return new RuleGroup(namespace + ".heartbeat.rules", "30s", List.of(Rule.alert(ALERT, "vector(1)", "0m",
        Map.of("severity", "none", "namespace", namespace),
        Map.of("summary", "The alert path of " + namespace + " works",
            "description", "Always firing: the Progressive Operator expects this alert at every group interval;"
                + " when it stops arriving, alerts no longer reach the operator"))));
  }

  /**
   * The heartbeat's own route to the operator's webhook, ahead of every other: it stops there (no team
   * is told), and repeats at each group interval, so its absence for a few intervals means the path broke.
   */
  static AlertRouting.Route route(String interval) {
    return new AlertRouting.Route(AlertRouting.REMEDIATION_RECEIVER, Map.of("alertname", ALERT), List.of("..."),
        "0s", interval, interval, false);
  }
}

package dev.progressive.operator.monitoring;

import dev.progressive.operator.monitoring.AlertRouting.Email;
import dev.progressive.operator.monitoring.AlertRouting.Inhibition;
import dev.progressive.operator.monitoring.AlertRouting.PagerDuty;
import dev.progressive.operator.monitoring.AlertRouting.Receiver;
import dev.progressive.operator.monitoring.AlertRouting.RemediationWebhook;
import dev.progressive.operator.monitoring.AlertRouting.Route;
import dev.progressive.operator.monitoring.AlertRouting.Slack;
import dev.progressive.operator.monitoring.AlertRouting.Smtp;
import java.util.List;
import java.util.Map;

/**
 * The seed's Alertmanager routing: its routes, receivers and inhibit rule, with its addresses and
 * channels, and the credentials it held inline turned into references.
 */
public final class SeedAlertRouting {

  private static final String DOMAIN = "@progressive-framework.com";

  private SeedAlertRouting() {}

  /** Credentials of the seed's receivers: one Slack webhook for every channel, two PagerDuty services. */
  public record Credentials(SecretRef slackWebhook, SecretRef mcaPagerDuty, SecretRef srePagerDuty) {}

  public static AlertRouting routing(Smtp smtp, Credentials credentials, RemediationWebhook remediation) {
    return new AlertRouting(smtp,
        new Route("default", Map.of(), List.of("alertname", "service"), "10s", "10s", "1h"),
        routes(), receivers(credentials), List.of(inhibition()), remediation);
  }

  private static List<Route> routes() {
    return List.of(
        new Route("mca-critical", Map.of("service", "mca", "severity", "critical"), null, "0s", null, "5m"),
        new Route("agent-health-team", Map.of("tier", "agents", "severity", "warning"), null, null, "5m", "30m"),
        new Route("business-team", Map.of("business_impact", "high"), null, null, "2m", "15m"),
        new Route("sre-team", Map.of("sla", "availability"), null, "0s", null, "10m"),
        new Route("infrastructure-team", Map.of("tier", "infrastructure"), null, null, "10m", "1h"));
  }

  private static List<Receiver> receivers(Credentials credentials) {
    return List.of(
        new Receiver("default", List.of(new Email("team" + DOMAIN,
            "Progressive Framework Alert: {{ .GroupLabels.alertname }}", """
                {{ range .Alerts }}
                Alert: {{ .Annotations.summary }}
                Description: {{ .Annotations.description }}
                Labels: {{ range .Labels.SortedPairs }}{{ .Name }}={{ .Value }} {{ end }}
                {{ end }}""")), List.of(), List.of()),
        new Receiver("mca-critical",
            List.of(new Email("sre-oncall" + DOMAIN, "CRITICAL: MCA System Alert", """
                CRITICAL MCA ALERT
                {{ range .Alerts }}
                Summary: {{ .Annotations.summary }}
                Description: {{ .Annotations.description }}
                Runbook: {{ .Annotations.runbook_url }}
                Time: {{ .StartsAt }}
                {{ end }}""")),
            List.of(new Slack(credentials.slackWebhook(), "#alerts-critical", "Critical MCA Alert", """
                {{ range .Alerts }}
                :rotating_light: *{{ .Annotations.summary }}*
                {{ .Annotations.description }}
                <{{ .Annotations.runbook_url }}|View Runbook>
                {{ end }}""")),
            List.of(new PagerDuty(credentials.mcaPagerDuty(), "MCA Critical Alert: {{ .GroupLabels.alertname }}"))),
        new Receiver("agent-health-team", List.of(),
            List.of(new Slack(credentials.slackWebhook(), "#agent-health", "Agent Health Alert", """
                {{ range .Alerts }}
                :warning: *{{ .Annotations.summary }}*
                Agent: {{ .Labels.agent_type }}
                {{ .Annotations.description }}
                {{ end }}""")),
            List.of()),
        new Receiver("business-team",
            List.of(new Email("business-team" + DOMAIN, "Business Impact Alert: {{ .GroupLabels.alertname }}", null)),
            List.of(new Slack(credentials.slackWebhook(), "#business-alerts", "Business Impact Alert", null)),
            List.of()),
        new Receiver("sre-team",
            List.of(new Email("sre-team" + DOMAIN, "SLA Violation: {{ .GroupLabels.alertname }}", null)),
            List.of(),
            List.of(new PagerDuty(credentials.srePagerDuty(), "SLA Violation: {{ .GroupLabels.alertname }}"))),
        new Receiver("infrastructure-team",
            List.of(new Email("infrastructure-team" + DOMAIN, "Infrastructure Alert: {{ .GroupLabels.alertname }}", null)),
            List.of(), List.of()));
  }

  /**
   * The seed's rule, a critical alert muting the warning of the same name, made safe for several
   * namespaces and SLOs: equal {@code namespace} and {@code slo} too, or one namespace's page would
   * mute another's ticket.
   */
  private static Inhibition inhibition() {
    return new Inhibition(Map.of("severity", "critical"), Map.of("severity", "warning"),
        List.of("alertname", "namespace", "service", "instance", "slo"));
  }
}

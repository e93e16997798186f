package dev.progressive.operator.stack;

import dev.progressive.operator.api.Alerting;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ObservabilityStackSpec;
import dev.progressive.operator.api.SecretKey;
import dev.progressive.operator.api.Sla;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.TracingSettings.Backend;
import dev.progressive.operator.common.LabelSyntax;
import dev.progressive.operator.common.SpecViolation;
import dev.progressive.operator.monitoring.MetricContract;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a stack's spec as the CRD schema would, and what it cannot say, for clusters that run without it. */
public final class StackValidation {
  private static final Pattern HTTP_URL = Pattern.compile(ObservabilityStackSpec.HTTP_URL_PATTERN);
  private static final Pattern SMARTHOST = Pattern.compile(Alerting.Smtp.SMARTHOST_PATTERN);
  private static final Pattern SECRET_NAME = Pattern.compile(SecretKey.NAME_PATTERN);
  private static final Pattern DURATION = Pattern.compile(Step.DURATION_PATTERN);
  private static final Pattern SECRET_KEY = Pattern.compile(SecretKey.KEY_PATTERN);

  private StackValidation() {}

  /** What the model could not read, else what the spec breaks. */
  public static List<SpecViolation> validate(ObservabilityStack stack) {
    return stack.unreadableSpec().isEmpty() ? validate(stack.getSpec()) : stack.unreadableSpec();
  }

  public static List<SpecViolation> validate(ObservabilityStackSpec spec) {
    var violations = new ArrayList<SpecViolation>();
    checkSla(spec.getSla(), violations);
    // Both reach children: the selector labels as labels, the Grafana's labels as a selector in their spec.
    violations.addAll(LabelSyntax.check("spec.prometheus.selectorLabels", spec.getPrometheus().getSelectorLabels()));
    violations.addAll(LabelSyntax.check("spec.dashboards.grafanaInstanceLabels", spec.getDashboards().getGrafanaInstanceLabels()));
    var tracing = spec.getTracing();
    if (tracing.getBackend() == Backend.EXTERNAL && tracing.getEndpoint() == null) {
      violations.add(new SpecViolation("spec.tracing.endpoint", "is required with backend external, e.g. http://otel-collector:4317"));
    }
    checkUrl("spec.tracing.endpoint", tracing.getEndpoint(), violations);
    if (tracing.getSamplingRatio() == null || tracing.getSamplingRatio() < 0 || tracing.getSamplingRatio() > 1) {
      violations.add(new SpecViolation("spec.tracing.samplingRatio", "must be between 0 and 1, got " + tracing.getSamplingRatio()));
    }
    checkAlerting(spec.getAlerting(), violations);
    var remediation = spec.getRemediation();
    if (remediation != null && (remediation.getWebhookUrl() == null || missing(remediation.getWebhookAuthSecret()))) {
      violations.add(new SpecViolation("spec.remediation", "needs webhookUrl and webhookAuthSecret {name, key}"));
    } else if (remediation != null) {
      checkUrl("spec.remediation.webhookUrl", remediation.getWebhookUrl(), violations);
      checkSecret("spec.remediation.webhookAuthSecret", remediation.getWebhookAuthSecret(), violations);
    }
    if (spec.getLogging() != null && spec.getLogging().getLokiUrl() == null) {
      violations.add(new SpecViolation("spec.logging.lokiUrl", "is required, e.g. http://loki.logging:3100"));
    } else if (spec.getLogging() != null) {
      checkUrl("spec.logging.lokiUrl", spec.getLogging().getLokiUrl(), violations);
    }
    return violations;
  }

  private static void checkSla(Sla sla, List<SpecViolation> violations) {
    if (sla.getAvailability() == null || sla.getAvailability() < 50 || sla.getAvailability() > 99.999) {
      violations.add(new SpecViolation("spec.sla.availability", "must be a percentage from 50 to 99.999, got " + sla.getAvailability()));
    }
    if (sla.getLatencyP95() == null || MetricContract.REQUEST_DURATION_BUCKETS.stream()
        .noneMatch(b -> b.compareTo(BigDecimal.valueOf(sla.getLatencyP95())) == 0)) {
      violations.add(new SpecViolation("spec.sla.latencyP95", sla.getLatencyP95() + " is not a bucket bound of "
          + MetricContract.REQUEST_DURATION + " " + MetricContract.REQUEST_DURATION_BUCKETS));
    }
  }

  private static void checkAlerting(Alerting alerting, List<SpecViolation> violations) {
    if (alerting == null) {
      return;
    }
    var smtp = alerting.getSmtp();
    if (smtp == null || smtp.getSmarthost() == null || smtp.getFrom() == null) {
      violations.add(new SpecViolation("spec.alerting.smtp", "needs smarthost and from"));
    } else if (!SMARTHOST.matcher(smtp.getSmarthost()).matches()) {
      violations.add(new SpecViolation("spec.alerting.smtp.smarthost", "'" + smtp.getSmarthost() + "' is not host:port, e.g. smtp.example.com:587"));
    }
    if (smtp != null && smtp.getPassword() != null && missing(smtp.getPassword())) {
      violations.add(new SpecViolation("spec.alerting.smtp.password", "needs a Secret {name, key}"));
    } else if (smtp != null && smtp.getPassword() != null) {
      checkSecret("spec.alerting.smtp.password", smtp.getPassword(), violations);
    }
    if (missing(alerting.getSlackWebhook())) {
      violations.add(new SpecViolation("spec.alerting.slackWebhook", "needs a Secret {name, key}"));
    } else {
      checkSecret("spec.alerting.slackWebhook", alerting.getSlackWebhook(), violations);
    }
    checkUrl("spec.alerting.alertmanagerUrl", alerting.getAlertmanagerUrl(), violations);
    if (alerting.getHeartbeatInterval() != null && !DURATION.matcher(alerting.getHeartbeatInterval()).matches()) {
      violations.add(new SpecViolation("spec.alerting.heartbeatInterval", "'" + alerting.getHeartbeatInterval()
          + "' is not a duration, e.g. 30s or 1m"));
    }
    var pagerDuty = alerting.getPagerDuty();
    if (pagerDuty == null || missing(pagerDuty.getMca()) || missing(pagerDuty.getSre())) {
      violations.add(new SpecViolation("spec.alerting.pagerDuty", "needs mca and sre, each a Secret {name, key}"));
    } else {
      checkSecret("spec.alerting.pagerDuty.mca", pagerDuty.getMca(), violations);
      checkSecret("spec.alerting.pagerDuty.sre", pagerDuty.getSre(), violations);
    }
  }

  private static void checkUrl(String field, String url, List<SpecViolation> violations) {
    if (url != null && !HTTP_URL.matcher(url).matches()) {
      violations.add(new SpecViolation(field, "'" + url + "' is not an http(s) URL, e.g. http://service.namespace:8080"));
    }
  }

  private static void checkSecret(String field, SecretKey secret, List<SpecViolation> violations) {
    if (!SECRET_NAME.matcher(secret.getName()).matches()) {
      violations.add(new SpecViolation(field + ".name", "'" + secret.getName() + "' is not a Secret name (lower case, digits, '-' and '.')"));
    }
    if (!SECRET_KEY.matcher(secret.getKey()).matches()) {
      violations.add(new SpecViolation(field + ".key", "'" + secret.getKey() + "' is not a Secret key (letters, digits, '-', '_' and '.')"));
    }
  }

  private static boolean missing(SecretKey secret) {
    return secret == null || secret.getName() == null || secret.getKey() == null;
  }
}

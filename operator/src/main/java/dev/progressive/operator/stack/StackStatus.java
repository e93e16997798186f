package dev.progressive.operator.stack;

import static dev.progressive.operator.common.Conditions.READY;
import static dev.progressive.operator.common.Conditions.of;

import dev.progressive.operator.api.DashboardSettings.Delivery;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ObservabilityStackStatus;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.OptionalApi;
import dev.progressive.operator.cluster.StackTracing;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.common.Failures;
import dev.progressive.operator.common.SpecViolation;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a stack's status should say: one condition per component, SecretsResolved, and Ready over
 * them, from what the reconciler observed. A pure function; the caller stamps the conditions with Conditions.merge.
 */
public final class StackStatus {
  public static final String RULES = "Rules";
  public static final String ALERTING = "Alerting";
  public static final String DASHBOARDS = "Dashboards";
  public static final String LOGGING = "Logging";
  public static final String TRACING = "Tracing";
  public static final String SECRETS_RESOLVED = "SecretsResolved";
  static final String SECRETS_MISSING = "SecretsMissing";
  static final String API_MISSING = "ApiMissing";
  static final String NOT_CONFIGURED = "NotConfigured";
  static final String JAEGER_NOT_READY = "JaegerNotReady";

  private StackStatus() {}

  /**
   * @param alertPath the {@link AlertPathVerdict}, when the reconciler judged one
   * @param secrets the key names of each Secret the spec references that the namespace has (see {@link StackSecrets})
   */
  public record Observation(List<SpecViolation> violations, MonitoringSetup setup, Optional<Deployment> jaeger,
      Map<String, Set<String>> secrets, Optional<Exception> failure, Optional<Condition> alertPath) {}

  public static ObservabilityStackStatus desired(ObservabilityStack stack, Observation seen) {
    var status = new ObservabilityStackStatus();
    status.setObservedGeneration(stack.getMetadata().getGeneration());
    var components = seen.violations().isEmpty()
        ? List.of(rules(stack, seen.setup()), alerting(stack, seen.setup()), StackSecrets.condition(stack.getSpec(), seen.secrets()),
            dashboards(stack, seen.setup()), logging(stack), tracing(stack, seen.jaeger()))
        : List.<Condition>of();
    var conditions = new ArrayList<Condition>();
    conditions.add(ready(seen, components));
    conditions.addAll(components);
    // Not among the components: the path runs through an Alertmanager outside the stack's objects.
    seen.alertPath().filter(c -> seen.violations().isEmpty()).ifPresent(conditions::add);
    status.setConditions(conditions);
    // The intake's record, written beside the reconciler's: carried over, never judged here.
    status.setAlertPath(Optional.ofNullable(stack.getStatus()).map(ObservabilityStackStatus::getAlertPath).orElse(null));
    if (seen.violations().isEmpty()) {
      status.setTracingEndpoint(StackTracing.endpoint(stack).orElse(null));
    }
    return status;
  }

  private static Condition ready(Observation seen, List<Condition> components) {
    if (!seen.violations().isEmpty()) {
      return of(READY, false, Conditions.INVALID_SPEC, seen.violations().stream().map(SpecViolation::toString)
          .collect(Collectors.joining("; ")) + ". The stack's objects were left as they were.");
    }
    if (seen.failure().isPresent()) {
      return of(READY, false, Conditions.RECONCILE_FAILED, "Could not apply the stack's objects: " + Failures.oneLine(seen.failure().get()));
    }
    var blocking = components.stream().filter(StackStatus::blocksReady).toList();
    if (blocking.isEmpty()) {
      return of(READY, true, "AllComponentsReady", "Every configured component is in place");
    }
    // Alertmanager cannot notify anyone through a receiver whose credential is missing.
    var reason = blocking.stream().anyMatch(c -> SECRETS_RESOLVED.equals(c.getType())) ? SECRETS_MISSING : "ComponentsNotReady";
    return of(READY, false, reason, blocking.stream().map(c -> c.getType() + ": " + c.getMessage()).collect(Collectors.joining("; ")));
  }

  private static boolean blocksReady(Condition component) {
    return API_MISSING.equals(component.getReason()) || JAEGER_NOT_READY.equals(component.getReason())
        || SECRETS_RESOLVED.equals(component.getType()) && "False".equals(component.getStatus());
  }

  private static Condition rules(ObservabilityStack stack, MonitoringSetup setup) {
    return setup.has(OptionalApi.PROMETHEUS_RULE)
        ? of(RULES, true, "Created", "PrometheusRule " + StackRules.name(stack) + " holds the SLA, infrastructure and SLO rules")
        : of(RULES, false, API_MISSING, "No " + OptionalApi.PROMETHEUS_RULE.describe()
            + " API; `render --plain-prometheus` writes the rules as files for a Prometheus without the operator");
  }

  private static Condition alerting(ObservabilityStack stack, MonitoringSetup setup) {
    if (stack.getSpec().getAlerting() == null) {
      return of(ALERTING, false, NOT_CONFIGURED, "spec.alerting is not set: no AlertmanagerConfig");
    }
    if (!setup.has(OptionalApi.ALERTMANAGER_CONFIG)) {
      return of(ALERTING, false, API_MISSING, "No " + OptionalApi.ALERTMANAGER_CONFIG.describe()
          + " API; `render --plain-prometheus` writes an alertmanager.yml instead");
    }
    var remediation = StackAlerting.routing(stack).map(r -> r.remediation() != null).orElse(false)
        ? ", with the route to the remediation webhook first" : ", without a remediation route";
    return of(ALERTING, true, "Created", "AlertmanagerConfig " + StackAlerting.name(stack) + " routes the namespace's alerts"
        + remediation);
  }

  private static Condition dashboards(ObservabilityStack stack, MonitoringSetup setup) {
    if (setup.grafanaInstance().isPresent()) {
      return of(DASHBOARDS, true, "GrafanaDashboards", "The system dashboards are GrafanaDashboard resources");
    }
    var configMap = "ConfigMap " + StackDashboards.configMapName(stack) + " (grafana_dashboard: \"1\") holds the system dashboards";
    return stack.getSpec().getDashboards().getDelivery() == Delivery.GRAFANA_OPERATOR
        ? of(DASHBOARDS, true, "SidecarFallback", "No " + OptionalApi.GRAFANA_DASHBOARD.describe() + " API: " + configMap)
        : of(DASHBOARDS, true, "SidecarConfigMap", configMap);
  }

  private static Condition logging(ObservabilityStack stack) {
    if (stack.getSpec().getLogging() == null) {
      return of(LOGGING, false, NOT_CONFIGURED, "spec.logging is not set: no Loki datasource");
    }
    var link = LokiDatasource.traceDatasource(stack).map(uid -> "links trace_id to datasource " + uid)
        .orElse("has no trace link: set spec.logging.traceDatasourceUid");
    return of(LOGGING, true, "DatasourceCreated", "ConfigMap " + LokiDatasource.name(stack)
        + " (grafana_datasource: \"1\") provisions Loki, which " + link);
  }

  private static Condition tracing(ObservabilityStack stack, Optional<Deployment> jaeger) {
    var endpoint = StackTracing.endpoint(stack).orElse("");
    if (!StackTracing.runsJaeger(stack)) {
      return of(TRACING, true, "External", "Agents export traces to " + endpoint);
    }
    int ready = jaeger.map(Deployment::getStatus).map(s -> s.getReadyReplicas()).orElse(0);
    return ready > 0
        ? of(TRACING, true, "JaegerReady", "Jaeger " + Jaeger.name(stack) + " takes OTLP at " + endpoint)
        : of(TRACING, false, JAEGER_NOT_READY, "Jaeger " + Jaeger.name(stack) + " has no ready replica yet");
  }
}

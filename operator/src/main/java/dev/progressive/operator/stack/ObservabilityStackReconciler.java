package dev.progressive.operator.stack;

import dev.progressive.operator.api.AlertPath;
import dev.progressive.operator.api.Alerting;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ObservabilityStackStatus;
import dev.progressive.operator.cluster.ApiInstalled;
import dev.progressive.operator.cluster.MonitoringDiscovery;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.StackPreferences;
import dev.progressive.operator.common.ChildChanges;
import dev.progressive.operator.common.Durations;
import dev.progressive.operator.common.StatusRecorder;
import dev.progressive.operator.monitoring.Heartbeat;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Orchestrates one ObservabilityStack: validate, observe what the cluster offers, apply the
 * components the spec asks for and the cluster can take, then report per component and on the
 * Secrets the spec references, and judge the alert path from the last heartbeat. Optional APIs
 * are checked again every {@link MonitoringDiscovery#REFRESH}, so CRDs installed later are picked up, and
 * sooner when the alert path's verdict would change before then.
 */
@ControllerConfiguration(name = ObservabilityStackReconciler.NAME)
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(name = "system-rules", type = SystemRulesDependent.class, activationCondition = ApiInstalled.class),
      @Dependent(name = "alertmanager-config", type = AlertmanagerConfigDependent.class,
          activationCondition = ApiInstalled.class, reconcilePrecondition = StackDependent.Wanted.class),
      @Dependent(name = "grafana-dashboards", type = GrafanaDashboardsDependent.class, activationCondition = ApiInstalled.class,
          reconcilePrecondition = StackDependent.Wanted.class),
      @Dependent(name = "dashboards-configmap", type = DashboardsConfigMapDependent.class,
          reconcilePrecondition = StackDependent.Wanted.class),
      @Dependent(name = "loki-datasource", type = LokiDatasourceDependent.class, useEventSourceWithName = "dashboards-configmap",
          reconcilePrecondition = StackDependent.Wanted.class),
      @Dependent(name = "jaeger-deployment", type = JaegerDeploymentDependent.class,
          reconcilePrecondition = StackDependent.Wanted.class),
      @Dependent(name = "jaeger-service", type = JaegerServiceDependent.class,
          reconcilePrecondition = StackDependent.Wanted.class)
    })
public class ObservabilityStackReconciler implements Reconciler<ObservabilityStack> {
  public static final String NAME = "observabilitystack";

  private final Clock clock;
  private final StatusRecorder<ObservabilityStackStatus> status;
  private final MonitoringDiscovery discovery;
  private final ReferencedSecrets secrets = new ReferencedSecrets();
  private final AlertmanagerProbe alertmanager = new AlertmanagerProbe();
  private final MeterRegistry registry;
  /** Made with the controller's cache, which it reads to tell a namespace whose stack is gone. */
  private AlertPathGauge gauge;

  public ObservabilityStackReconciler(Clock clock, MonitoringDiscovery discovery, MeterRegistry registry) {
    this.clock = clock;
    this.status = new StatusRecorder<>(clock, ObservabilityStackStatus::new, ready -> "True".equals(ready.getStatus()),
        Set.of(AlertPathVerdict.ALERT_PATH));
    this.discovery = discovery;
    this.registry = registry;
  }

  @Override
  public List<EventSource<?, ObservabilityStack>> prepareEventSources(EventSourceContext<ObservabilityStack> context) {
    var stacks = context.getPrimaryCache();
    gauge = new AlertPathGauge(registry, namespace -> stacks.list(namespace).findAny().isPresent());
    return secrets.eventSources(context);
  }

  @Override
  public UpdateControl<ObservabilityStack> reconcile(ObservabilityStack stack, Context<ObservabilityStack> context) {
    var violations = StackValidation.validate(stack);
    var setup = setup(stack);
    if (violations.isEmpty()) {
      setup.store(context);
      ChildChanges.start(context);
      context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    }
    var alertPath = violations.isEmpty() ? Optional.of(alertPath(stack)) : Optional.<AlertPathVerdict.Observation>empty();
    var verdict = alertPath.map(AlertPathVerdict::condition);
    // The gauge first: whoever reads the condition finds the gauge agreeing.
    verdict.ifPresent(condition -> gauge.record(stack.getMetadata().getNamespace(), condition));
    status.record(stack, context, StackStatus.desired(stack,
        new StackStatus.Observation(violations, setup, jaeger(context), secrets.keysFor(stack), Optional.empty(), verdict)));
    var recheck = alertPath.map(AlertPathVerdict::recheckAfter).filter(after -> after.compareTo(MonitoringDiscovery.REFRESH) < 0)
        .orElse(MonitoringDiscovery.REFRESH);
    return UpdateControl.<ObservabilityStack>noUpdate().rescheduleAfter(recheck);
  }

  @Override
  public ErrorStatusUpdateControl<ObservabilityStack> updateErrorStatus(
      ObservabilityStack stack, Context<ObservabilityStack> context, Exception e) {
    // A failure says nothing new about the alert path, but the condition stays, judged as before.
    var verdict = StackValidation.validate(stack).isEmpty() ? Optional.of(AlertPathVerdict.condition(alertPath(stack)))
        : Optional.<Condition>empty();
    return status.recordFailure(stack, context, () -> StackStatus.desired(stack, new StackStatus.Observation(List.of(),
        setup(stack), jaeger(context), secrets.keysFor(stack), Optional.of(e), verdict)));
  }

  private AlertPathVerdict.Observation alertPath(ObservabilityStack stack) {
    var now = clock.instant();
    var created = Optional.ofNullable(stack.getMetadata().getCreationTimestamp()).map(Instant::parse).orElse(now);
    var interval = Optional.ofNullable(stack.getSpec().getAlerting()).map(Alerting::getHeartbeatInterval)
        .orElse(Heartbeat.DEFAULT_INTERVAL);
    return new AlertPathVerdict.Observation(now, created, lastHeartbeat(stack),
        Durations.parse(interval, "spec.alerting.heartbeatInterval"), alertmanager.check(stack));
  }

  /** A time the intake did not write (edited by hand) counts as no heartbeat. */
  private static Optional<Instant> lastHeartbeat(ObservabilityStack stack) {
    try {
      return Optional.ofNullable(stack.getStatus()).map(ObservabilityStackStatus::getAlertPath)
          .map(AlertPath::getLastHeartbeat).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private MonitoringSetup setup(ObservabilityStack stack) {
    return discovery.setupFor(stack.getMetadata().getNamespace(), Optional.of(StackPreferences.of(stack)));
  }

  private static Optional<Deployment> jaeger(Context<ObservabilityStack> context) {
    return context.getSecondaryResource(Deployment.class);
  }
}

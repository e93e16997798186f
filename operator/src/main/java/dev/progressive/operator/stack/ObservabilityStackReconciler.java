package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ObservabilityStackStatus;
import dev.progressive.operator.cluster.ApiInstalled;
import dev.progressive.operator.cluster.MonitoringDiscovery;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.StackPreferences;
import dev.progressive.operator.common.RecordingDependent;
import dev.progressive.operator.common.StatusRecorder;
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
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Orchestrates one ObservabilityStack: validate, observe what the cluster offers, apply the
 * components the spec asks for and the cluster can take, then report per component and on the
 * Secrets the spec references. Optional APIs
 * are checked again every {@link MonitoringDiscovery#REFRESH}, so CRDs installed later are picked up.
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

  public ObservabilityStackReconciler(Clock clock, MonitoringDiscovery discovery) {
    this.clock = clock;
    this.status = new StatusRecorder<>(clock, ObservabilityStackStatus::new, ready -> "True".equals(ready.getStatus()));
    this.discovery = discovery;
  }

  @Override
  public List<EventSource<?, ObservabilityStack>> prepareEventSources(EventSourceContext<ObservabilityStack> context) {
    return secrets.eventSources(context);
  }

  @Override
  public UpdateControl<ObservabilityStack> reconcile(ObservabilityStack stack, Context<ObservabilityStack> context) {
    var violations = StackValidation.validate(stack);
    var setup = setup(stack);
    if (violations.isEmpty()) {
      setup.store(context);
      RecordingDependent.useClock(context, clock);
      context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    }
    status.record(stack, context, StackStatus.desired(stack,
        new StackStatus.Observation(violations, setup, jaeger(context), secrets.keysFor(stack), Optional.empty())));
    return UpdateControl.<ObservabilityStack>noUpdate().rescheduleAfter(MonitoringDiscovery.REFRESH);
  }

  @Override
  public ErrorStatusUpdateControl<ObservabilityStack> updateErrorStatus(
      ObservabilityStack stack, Context<ObservabilityStack> context, Exception e) {
    return status.recordFailure(stack, context, () -> StackStatus.desired(stack, new StackStatus.Observation(List.of(),
        setup(stack), jaeger(context), secrets.keysFor(stack), Optional.of(e))));
  }

  private MonitoringSetup setup(ObservabilityStack stack) {
    return discovery.setupFor(stack.getMetadata().getNamespace(), Optional.of(StackPreferences.of(stack)));
  }

  private static Optional<Deployment> jaeger(Context<ObservabilityStack> context) {
    return context.getSecondaryResource(Deployment.class);
  }
}

package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ObservabilityStackStatus;
import dev.progressive.operator.cluster.ApiInstalled;
import dev.progressive.operator.cluster.MonitoringDiscovery;
import dev.progressive.operator.cluster.StackPreferences;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.common.StatusWriter;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.OperatorException;
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
          activationCondition = ApiInstalled.class, reconcilePrecondition = StackPreconditions.AlertingConfigured.class),
      @Dependent(name = "grafana-dashboards", type = GrafanaDashboardsDependent.class, activationCondition = ApiInstalled.class,
          reconcilePrecondition = StackPreconditions.DashboardsAsCustomResources.class),
      @Dependent(name = "dashboards-configmap", type = DashboardsConfigMapDependent.class,
          reconcilePrecondition = StackPreconditions.DashboardsInConfigMap.class),
      @Dependent(name = "loki-datasource", type = LokiDatasourceDependent.class, useEventSourceWithName = "dashboards-configmap",
          reconcilePrecondition = StackPreconditions.LoggingConfigured.class),
      @Dependent(name = "jaeger-deployment", type = JaegerDeploymentDependent.class,
          reconcilePrecondition = StackPreconditions.RunsJaeger.class),
      @Dependent(name = "jaeger-service", type = JaegerServiceDependent.class,
          reconcilePrecondition = StackPreconditions.RunsJaeger.class)
    })
public class ObservabilityStackReconciler implements Reconciler<ObservabilityStack> {
  public static final String NAME = "observabilitystack";

  private final Conditions conditions;
  private final MonitoringDiscovery discovery;
  private final ReferencedSecrets secrets = new ReferencedSecrets();

  public ObservabilityStackReconciler(Clock clock, MonitoringDiscovery discovery) {
    this.conditions = new Conditions(clock);
    this.discovery = discovery;
  }

  /**
   * What a stack tells the monitoring discovery of its namespace. Labels the API server would refuse
   * are left out: the stack itself reports them as InvalidSpec, and its agents get only valid ones.
   */
  @Override
  public List<EventSource<?, ObservabilityStack>> prepareEventSources(EventSourceContext<ObservabilityStack> context) {
    return secrets.eventSources(context);
  }

  @Override
  public UpdateControl<ObservabilityStack> reconcile(ObservabilityStack stack, Context<ObservabilityStack> context) {
    var violations = StackValidation.validate(stack);
    var setup = discovery.setupFor(stack.getMetadata().getNamespace(), Optional.of(StackPreferences.of(stack)));
    if (violations.isEmpty()) {
      setup.store(context);
      context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    }
    report(stack, context, new StackStatus.Observation(violations, setup, jaeger(context), secrets.keysFor(stack), Optional.empty()));
    return UpdateControl.<ObservabilityStack>noUpdate().rescheduleAfter(MonitoringDiscovery.REFRESH);
  }

  /**
   * java-operator-sdk has logged {@code e} with its stack trace and retries; the status says on one
   * line what failed ({@link dev.progressive.operator.common.Failures}).
   */
  @Override
  public ErrorStatusUpdateControl<ObservabilityStack> updateErrorStatus(
      ObservabilityStack stack, Context<ObservabilityStack> context, Exception e) {
    try {
      var setup = discovery.setupFor(stack.getMetadata().getNamespace(), Optional.of(StackPreferences.of(stack)));
      report(stack, context, new StackStatus.Observation(List.of(), setup, jaeger(context), secrets.keysFor(stack), Optional.of(e)));
    } catch (KubernetesClientException | OperatorException conflict) {
      // The status moved on meanwhile; the retry that follows reports on the fresh copy.
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  private static Optional<Deployment> jaeger(Context<ObservabilityStack> context) {
    return context.getSecondaryResource(Deployment.class);
  }

  /** Writes the status only when it says something new. */
  private void report(ObservabilityStack stack, Context<ObservabilityStack> context, StackStatus.Observation seen) {
    var previous = Optional.ofNullable(stack.getStatus()).orElseGet(ObservabilityStackStatus::new);
    var next = StackStatus.desired(stack, seen);
    next.setConditions(conditions.merge(previous.getConditions(), next.getConditions(), stack));
    if (!next.equals(previous)) {
      stack.setStatus(next);
      StatusWriter.write(stack, context);
    }
  }
}

package dev.progressive.operator.agent;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentStatus;
import dev.progressive.operator.cluster.ApiInstalled;
import dev.progressive.operator.cluster.MonitoringDiscovery;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.NamespaceStack;
import dev.progressive.operator.cluster.StackPreferences;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.common.EventRecorder;
import dev.progressive.operator.common.Labels;
import dev.progressive.operator.common.StatusWriter;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Orchestrates one ProgressiveAgent: validate the spec, apply the children with the mitigations
 * open Incidents hold (only when the spec is valid, so a bad edit never touches a running agent),
 * then report what the cluster shows.
 */
@ControllerConfiguration(name = AgentReconciler.NAME)
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(name = "circuit-breaker", type = CircuitBreakerConfigDependent.class),
      @Dependent(name = "deployment", type = DeploymentDependent.class),
      @Dependent(name = "service", type = ServiceDependent.class),
      @Dependent(name = "service-monitor", type = ServiceMonitorDependent.class, activationCondition = ApiInstalled.class),
      @Dependent(name = "prometheus-rule", type = PrometheusRuleDependent.class, activationCondition = ApiInstalled.class),
      @Dependent(name = "grafana-dashboard", type = GrafanaDashboardDependent.class, activationCondition = ApiInstalled.class,
          reconcilePrecondition = DashboardDelivery.AsCustomResource.class),
      @Dependent(name = "dashboard-configmap", type = DashboardConfigMapDependent.class, useEventSourceWithName = "circuit-breaker",
          reconcilePrecondition = DashboardDelivery.AsConfigMap.class)
    })
public class AgentReconciler implements Reconciler<ProgressiveAgent> {
  public static final String NAME = "progressiveagent";

  private final Conditions conditions;
  private final Clock clock;
  private final MonitoringDiscovery discovery;

  public AgentReconciler(Clock clock, MonitoringDiscovery discovery) {
    this.clock = clock;
    this.conditions = new Conditions(clock);
    this.discovery = discovery;
  }

  @Override
  public List<EventSource<?, ProgressiveAgent>> prepareEventSources(EventSourceContext<ProgressiveAgent> context) {
    var incidents = InformerEventSourceConfiguration.from(Incident.class, ProgressiveAgent.class)
        .withSecondaryToPrimaryMapper(AgentReconciler::agentsMitigatedBy)
        .build();
    // Only our pods matter, and only to take unhealthy ones out of traffic.
    var pods = InformerEventSourceConfiguration.from(Pod.class, ProgressiveAgent.class)
        .withLabelSelector(Labels.OURS)
        .withSecondaryToPrimaryMapper(pod -> Set.of(
            new ResourceID(pod.getMetadata().getLabels().get(Labels.INSTANCE), pod.getMetadata().getNamespace())))
        .build();
    // A stack's tracing settings and selector labels reach every agent of its namespace.
    var stacks = InformerEventSourceConfiguration.from(ObservabilityStack.class, ProgressiveAgent.class)
        .withSecondaryToPrimaryMapper(stack -> context.getPrimaryCache().list(stack.getMetadata().getNamespace())
            .map(ResourceID::fromResource)
            .collect(Collectors.toSet()))
        .build();
    return List.of(new InformerEventSource<>(incidents, context), new InformerEventSource<>(pods, context),
        new InformerEventSource<>(stacks, context));
  }

  private static Set<ResourceID> agentsMitigatedBy(Incident incident) {
    if (incident.getStatus() == null) {
      return Set.of();
    }
    return incident.getStatus().getMitigations().stream()
        .map(m -> new ResourceID(m.getAgent(), incident.getMetadata().getNamespace()))
        .collect(Collectors.toSet());
  }

  @Override
  public UpdateControl<ProgressiveAgent> reconcile(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    var violations = SpecValidation.validate(agent);
    var mitigations = ActiveMitigations.of(agent, context.getSecondaryResources(Incident.class));
    var monitoring = monitoring(agent, context);
    if (violations.isEmpty()) {
      monitoring.store(context);
      context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
      quarantine(context, mitigations);
    }
    report(agent, context, new AgentStatus.Observation(
        violations, context.getSecondaryResource(Deployment.class), mitigations, monitoring, Optional.empty()));
    // Monitoring APIs and Prometheus selectors change without an event reaching us: look again.
    return UpdateControl.<ProgressiveAgent>noUpdate().rescheduleAfter(MonitoringDiscovery.REFRESH);
  }

  private MonitoringSetup monitoring(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    var namespace = agent.getMetadata().getNamespace();
    return discovery.setupFor(namespace,
        NamespaceStack.of(context, namespace).map(StackPreferences::of));
  }

  private static void quarantine(Context<ProgressiveAgent> context, ActiveMitigations mitigations) {
    PodQuarantine.apply(context.getClient(), PodQuarantine.plan(context.getSecondaryResources(Pod.class), mitigations.quarantine()));
  }

  /**
   * java-operator-sdk has logged {@code e} with its stack trace and retries; the status says on one
   * line what failed ({@link dev.progressive.operator.common.Failures}).
   */
  @Override
  public ErrorStatusUpdateControl<ProgressiveAgent> updateErrorStatus(
      ProgressiveAgent agent, Context<ProgressiveAgent> context, Exception e) {
    try {
      report(agent, context, new AgentStatus.Observation(List.of(),
          context.getSecondaryResource(Deployment.class),
          ActiveMitigations.of(agent, context.getSecondaryResources(Incident.class)), monitoring(agent, context), Optional.of(e)));
    } catch (KubernetesClientException | OperatorException conflict) {
      // The status moved on meanwhile; the retry that follows reports on the fresh copy.
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  /** Writes the status only when it says something new, and tells readers when Ready changes why. */
  private void report(ProgressiveAgent agent, Context<ProgressiveAgent> context, AgentStatus.Observation seen) {
    var previous = Optional.ofNullable(agent.getStatus()).orElseGet(ProgressiveAgentStatus::new);
    var next = AgentStatus.desired(agent, seen);
    next.setConditions(conditions.merge(previous.getConditions(), next.getConditions(), agent));
    if (next.equals(previous)) {
      return;
    }
    agent.setStatus(next);
    StatusWriter.write(agent, context);
    recordReadyChange(agent, context, previous, next);
  }

  private void recordReadyChange(
      ProgressiveAgent agent, Context<ProgressiveAgent> context, ProgressiveAgentStatus before, ProgressiveAgentStatus after) {
    var was = Conditions.find(before.getConditions(), Conditions.READY).map(c -> c.getReason()).orElse(null);
    var ready = Conditions.find(after.getConditions(), Conditions.READY).orElseThrow();
    if (ready.getReason().equals(was)) {
      return;
    }
    var events = new EventRecorder(context.getClient(), clock);
    if ("True".equals(ready.getStatus()) || AgentStatus.REASON_NOT_READY.equals(ready.getReason())) {
      events.normal(agent, ready.getReason(), ready.getMessage());
    } else {
      events.warning(agent, ready.getReason(), ready.getMessage());
    }
  }
}

package dev.progressive.operator.agent;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentStatus;
import dev.progressive.operator.cluster.ApiInstalled;
import dev.progressive.operator.cluster.MonitoringDiscovery;
import dev.progressive.operator.cluster.PrometheusSnapshots;
import dev.progressive.operator.common.ChildChanges;
import dev.progressive.operator.common.Labels;
import dev.progressive.operator.common.SpecViolation;
import dev.progressive.operator.common.StatusRecorder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClientException;
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
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
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
      @Dependent(name = "deployment", type = DeploymentDependent.class),
      @Dependent(name = "canary-deployment", type = CanaryDeploymentDependent.class, useEventSourceWithName = "deployment",
          reconcilePrecondition = AgentDependent.Wanted.class),
      @Dependent(name = "service", type = ServiceDependent.class),
      @Dependent(name = "circuit-breaker", type = CircuitBreakerConfigDependent.class),
      @Dependent(name = "service-monitor", type = ServiceMonitorDependent.class, activationCondition = ApiInstalled.class),
      @Dependent(name = "prometheus-rule", type = PrometheusRuleDependent.class, activationCondition = ApiInstalled.class),
      @Dependent(name = "grafana-dashboard", type = GrafanaDashboardDependent.class, activationCondition = ApiInstalled.class,
          reconcilePrecondition = AgentDependent.Wanted.class),
      @Dependent(name = "dashboard-configmap", type = DashboardConfigMapDependent.class, useEventSourceWithName = "circuit-breaker",
          reconcilePrecondition = AgentDependent.Wanted.class),
      @Dependent(type = ServingPodsDependent.class)
    })
public class AgentReconciler implements Reconciler<ProgressiveAgent> {
  public static final String NAME = "progressiveagent";
  private static final int CONFLICT = 409;

  private final StatusRecorder<ProgressiveAgentStatus> status;
  private final MonitoringDiscovery discovery;
  private final Optional<URI> prometheus;
  private final PrometheusSnapshots snapshots;
  private final AgentRollouts rollouts;
  private final Clock clock;

  /** @param prometheus the Prometheus to check agents with where their stack names none (run --prometheus-url) */
  public AgentReconciler(Clock clock, MonitoringDiscovery discovery, Optional<URI> prometheus, PrometheusSnapshots snapshots) {
    this.status = new StatusRecorder<>(clock, ProgressiveAgentStatus::new,
        ready -> "True".equals(ready.getStatus()) || AgentStatus.REASON_NOT_READY.equals(ready.getReason()));
    this.discovery = discovery;
    this.prometheus = prometheus;
    this.snapshots = snapshots;
    this.rollouts = new AgentRollouts(clock, prometheus, snapshots);
    this.clock = clock;
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
        .withSecondaryToPrimaryMapper(stack -> agentsOf(stack.getMetadata().getNamespace(), context))
        .build();
    // A budget sets the availability floor of the agents whose pods it selects; which those are, the floor decides.
    var budgets = InformerEventSourceConfiguration.from(PodDisruptionBudget.class, ProgressiveAgent.class)
        .withSecondaryToPrimaryMapper(budget -> agentsOf(budget.getMetadata().getNamespace(), context))
        .build();
    return List.of(new InformerEventSource<>(incidents, context), new InformerEventSource<>(pods, context),
        new InformerEventSource<>(stacks, context), new InformerEventSource<>(budgets, context));
  }

  private static Set<ResourceID> agentsOf(String namespace, EventSourceContext<ProgressiveAgent> context) {
    return context.getPrimaryCache().list(namespace).map(ResourceID::fromResource).collect(Collectors.toSet());
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
    var plan = AgentPlan.of(agent, context, discovery);
    if (violations.isEmpty()) {
      plan = plan.deciding(agent, rollouts);
      plan.store(context);
      ChildChanges.start(context);
      context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
      plan = plan.applied(agent, context);
    }
    status.record(agent, context, seen(agent, context, plan, violations, Optional.empty()));
    plan.rollout().ifPresent(rollout -> tell(agent, context, rollout));
    return UpdateControl.<ProgressiveAgent>noUpdate().rescheduleAfter(nextLook(plan));
  }

  /**
   * Monitoring APIs, Prometheus selectors and what Prometheus scrapes change without an event reaching us: look
   * again; sooner when a rollout step's analysis falls due before then.
   */
  private Duration nextLook(AgentPlan plan) {
    var again = snapshots.interval().compareTo(MonitoringDiscovery.REFRESH) < 0 ? snapshots.interval() : MonitoringDiscovery.REFRESH;
    return plan.rollout().flatMap(rollout -> rollout.decision().recheck())
        .map(at -> Duration.between(clock.instant(), at)).map(wait -> wait.isNegative() ? Duration.ZERO : wait)
        .filter(wait -> wait.compareTo(again) < 0).orElse(again);
  }

  /** Once the status holds the decision: the rollout's Events, and the Incident of a rollback. */
  private void tell(ProgressiveAgent agent, Context<ProgressiveAgent> context, AgentRollout rollout) {
    var decision = rollout.decision();
    decision.notes().forEach(note -> status.tell(agent, context, note.warning(), note.reason(), note.message()));
    if (decision.failed().isPresent()) {
      var incident = RolloutIncident.of(agent, decision.status().orElseThrow(), clock.instant());
      try {
        context.getClient().resource(incident).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != CONFLICT) {
          throw e;
        }
      }
    }
  }

  @Override
  public ErrorStatusUpdateControl<ProgressiveAgent> updateErrorStatus(
      ProgressiveAgent agent, Context<ProgressiveAgent> context, Exception e) {
    return status.recordFailure(agent, context,
        () -> seen(agent, context, AgentPlan.of(agent, context, discovery), List.of(), Optional.of(e)));
  }

  private ProgressiveAgentStatus seen(ProgressiveAgent agent, Context<ProgressiveAgent> context, AgentPlan plan,
      List<SpecViolation> violations, Optional<Exception> failure) {
    var rollout = plan.rollout().map(r -> r.decision().status())
        .orElseGet(() -> Optional.ofNullable(agent.getStatus()).map(ProgressiveAgentStatus::getRollout));
    return AgentStatus.desired(agent, new AgentStatus.Observation(violations, plan.deployments(), rollout,
        plan.mitigations(), plan.monitoring(), failure, plan.floor(), plan.serving().floorHeld(),
        PrometheusReport.of(agent, plan.stack(), prometheus, snapshots, context.getSecondaryResources(Pod.class))));
  }
}

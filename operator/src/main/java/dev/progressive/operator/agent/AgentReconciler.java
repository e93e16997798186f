package dev.progressive.operator.agent;

import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.common.EventRecorder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Orchestrates one ProgressiveAgent: validate the spec, apply the children (only when the spec is
 * valid, so a bad edit never touches a running agent), then report what the cluster shows.
 */
@ControllerConfiguration(name = AgentReconciler.NAME)
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(name = "deployment", type = DeploymentDependent.class),
      @Dependent(name = "service", type = ServiceDependent.class)
    })
public class AgentReconciler implements Reconciler<ProgressiveAgent> {
  public static final String NAME = "progressiveagent";

  private final Conditions conditions;
  private final Clock clock;

  public AgentReconciler(Clock clock) {
    this.clock = clock;
    this.conditions = new Conditions(clock);
  }

  @Override
  public UpdateControl<ProgressiveAgent> reconcile(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    var violations = SpecValidation.validate(agent.getSpec());
    if (violations.isEmpty()) {
      context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    }
    return report(agent, context, new AgentStatus.Observation(
        violations, context.getSecondaryResource(Deployment.class), Optional.empty()));
  }

  @Override
  public ErrorStatusUpdateControl<ProgressiveAgent> updateErrorStatus(
      ProgressiveAgent agent, Context<ProgressiveAgent> context, Exception e) {
    var update = report(agent, context, new AgentStatus.Observation(
        List.of(), context.getSecondaryResource(Deployment.class), Optional.of(e)));
    return update.isPatchStatus()
        ? ErrorStatusUpdateControl.patchStatus(agent)
        : ErrorStatusUpdateControl.noStatusUpdate();
  }

  /** Writes the status only when it says something new, and tells readers when Ready changes why. */
  private UpdateControl<ProgressiveAgent> report(
      ProgressiveAgent agent, Context<ProgressiveAgent> context, AgentStatus.Observation seen) {
    var previous = Optional.ofNullable(agent.getStatus()).orElseGet(ProgressiveAgentStatus::new);
    var next = AgentStatus.desired(agent, seen);
    next.setConditions(conditions.merge(previous.getConditions(), next.getConditions(), agent));
    if (next.equals(previous)) {
      return UpdateControl.noUpdate();
    }
    recordReadyChange(agent, context, previous, next);
    agent.setStatus(next);
    return UpdateControl.patchStatus(agent);
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

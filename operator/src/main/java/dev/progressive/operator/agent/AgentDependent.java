package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.common.RecordingDependent;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * One child of an agent: its desired state is a pure function of the agent and the reconcile's
 * {@link AgentPlan}, so that `render` builds the same children from the same list
 * ({@link AgentChildren}) without a cluster.
 */
public abstract class AgentDependent<R extends HasMetadata> extends RecordingDependent<R, ProgressiveAgent> {

  protected AgentDependent(Class<R> resourceType) {
    super(resourceType);
  }

  abstract R desired(ProgressiveAgent agent, AgentPlan plan);

  /** Whether the agent has this child at all (its reconcile precondition); most always do. */
  boolean wanted(ProgressiveAgent agent, AgentPlan plan) {
    return true;
  }

  @Override
  protected final R desired(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    return desired(agent, AgentPlan.in(context));
  }

  /** The reconcile precondition of a child the agent may not have: the dependent's own {@link #wanted}. */
  public static class Wanted<R extends HasMetadata> implements Condition<R, ProgressiveAgent> {
    @Override
    public boolean isMet(DependentResource<R, ProgressiveAgent> dependent, ProgressiveAgent agent, Context<ProgressiveAgent> context) {
      return ((AgentDependent<R>) dependent).wanted(agent, AgentPlan.in(context));
    }
  }
}

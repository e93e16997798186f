package dev.progressive.operator.agent;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.StackPreferences;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every object the operator creates for one agent, in the order `render` prints them: the dependents of
 * {@link AgentReconciler}'s workflow, each asked for its desired state on a cluster with every monitoring
 * API and no open Incident, in a namespace governed by {@code stack}.
 */
public final class AgentChildren {
  private static final List<AgentDependent<?>> DEPENDENTS = Arrays.stream(
          AgentReconciler.class.getAnnotation(Workflow.class).dependents())
      .map(Dependent::type).<AgentDependent<?>>map(AgentChildren::instance).toList();

  private AgentChildren() {}

  public static List<HasMetadata> desired(ProgressiveAgent agent, Optional<ObservabilityStack> stack) {
    var plan = new AgentPlan(stack, ActiveMitigations.NONE,
        MonitoringSetup.withEveryApi(agent.getMetadata().getNamespace(), stack.map(StackPreferences::of)));
    return DEPENDENTS.stream().filter(d -> d.wanted(agent, plan)).<HasMetadata>map(d -> d.desired(agent, plan)).toList();
  }

  private static AgentDependent<?> instance(Class<?> type) {
    try {
      return (AgentDependent<?>) type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the agent workflow's dependent " + type.getName() + " cannot be made", e);
    }
  }
}

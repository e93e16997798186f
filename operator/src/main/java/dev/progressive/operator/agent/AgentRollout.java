package dev.progressive.operator.agent;

import dev.progressive.operator.delivery.RolloutProgress.Decision;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/**
 * An agent's rollout in one reconcile: what {@link dev.progressive.operator.delivery.RolloutProgress} decided, and
 * what the two Deployments run for it.
 *
 * @param desired the template the spec asks for, which the canary runs
 * @param stable the template the stable Deployment runs: the desired one, or the one it recorded
 * @param stableReplicas the stable Deployment's pods
 * @param canaryReplicas the canary's pods; 0: no canary
 */
record AgentRollout(Decision decision, PodTemplateSpec desired, PodTemplateSpec stable, int stableReplicas,
    int canaryReplicas) {

  /** No rollout: the stable Deployment runs the desired template with every replica. */
  static AgentRollout direct(PodTemplateSpec desired, int replicas) {
    return new AgentRollout(Decision.none(), desired, desired, replicas, 0);
  }

  /**
   * While a canary step runs, the stable pods give way to the canary's ready pods one for one, so that a canary still
   * starting takes no capacity away; at least one stable pod stays as the baseline.
   */
  static int stableBesideCanary(int replicas, int canary, int canaryReady) {
    return canary == 0 ? replicas : Math.max(1, replicas - Math.min(canaryReady, canary));
  }
}

package dev.progressive.operator.cluster;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentSpec;
import dev.progressive.operator.api.Scaling;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fewest ready pods that remediation's restart and quarantine may leave an agent: the largest of its
 * spec.scaling.minReplicas, what the PodDisruptionBudgets that select its pods keep available, and 1.
 * Kubernetes holds a budget against evictions only; rolling pods and taking them out of the Service are
 * no evictions, so the operator holds it itself.
 *
 * @param pods the floor
 * @param reason what set it, as messages name it: a PodDisruptionBudget, spec.scaling.minReplicas or the minimum of 1
 */
public record AvailabilityFloor(int pods, String reason) {
  /** The least floor of any agent, before anything else asks for more. */
  public static final AvailabilityFloor MINIMUM = new AvailabilityFloor(1, "the minimum of 1");
  /** What the API server sets for a rolling update that names no maxUnavailable or maxSurge. */
  private static final IntOrString ROLLING_UPDATE_DEFAULT = new IntOrString("25%");

  /**
   * The floor of an agent whose pods carry {@code podLabels} and should number {@code desiredReplicas}, from
   * the budgets of its namespace.
   */
  public static AvailabilityFloor of(ProgressiveAgentSpec spec, Map<String, String> podLabels, int desiredReplicas,
      Collection<PodDisruptionBudget> budgets) {
    int minReplicas = Optional.ofNullable(spec.getScaling()).map(Scaling::getMinReplicas).orElse(Scaling.DEFAULT_MIN);
    var candidates = Stream.concat(
        budgets.stream().filter(b -> selects(b, podLabels))
            .sorted(Comparator.comparing(b -> b.getMetadata().getName()))
            .flatMap(b -> kept(b, desiredReplicas).stream()),
        Stream.of(MINIMUM, new AvailabilityFloor(minReplicas, "spec.scaling.minReplicas " + minReplicas)));
    // The first of the highest wins a tie: a budget, which Kubernetes holds too, is named first, then the minimum.
    return candidates.reduce((highest, next) -> next.pods() > highest.pods() ? next : highest).orElseThrow();
  }

  /** The floor the agent's status records, for whoever acts on the agent; empty until its reconciler computed one. */
  public static Optional<AvailabilityFloor> recorded(ProgressiveAgent agent) {
    return Optional.ofNullable(agent.getStatus()).filter(s -> s.getAvailabilityFloor() != null)
        .map(s -> new AvailabilityFloor(s.getAvailabilityFloor(), s.getAvailabilityFloorReason()));
  }

  /** In messages: "its floor of 2 (PodDisruptionBudget npa-pdb minAvailable 2)". */
  public String describe() {
    return "its floor of " + pods + " (" + reason + ")";
  }

  /** policy/v1: a budget without a selector selects no pod, one with an empty selector every pod of its namespace. */
  private static boolean selects(PodDisruptionBudget budget, Map<String, String> podLabels) {
    return budget.getSpec() != null && budget.getSpec().getSelector() != null
        && LabelSelectors.matches(budget.getSpec().getSelector(), podLabels);
  }

  /** What one budget keeps available of the desired replicas, as the disruption controller computes it. */
  private static Optional<AvailabilityFloor> kept(PodDisruptionBudget budget, int desired) {
    var spec = budget.getSpec();
    var name = "PodDisruptionBudget " + budget.getMetadata().getName();
    var ofDesired = " of " + desired + " replicas";
    if (spec.getMaxUnavailable() != null) {
      // Kubernetes rounds up the pods a budget lets go: maxUnavailable 50% of 3 replicas keeps 1.
      return IntOrPercent.scaled(spec.getMaxUnavailable(), desired, true).map(unavailable -> new AvailabilityFloor(
          Math.max(0, desired - unavailable), name + " maxUnavailable " + IntOrPercent.text(spec.getMaxUnavailable()) + ofDesired));
    }
    if (spec.getMinAvailable() != null) {
      var minAvailable = spec.getMinAvailable();
      return IntOrPercent.scaled(minAvailable, desired, true).map(available -> new AvailabilityFloor(available,
          name + " minAvailable " + IntOrPercent.text(minAvailable) + (IntOrPercent.isPercent(minAvailable) ? ofDesired : "")));
    }
    return Optional.empty();
  }

  /**
   * Which pods stay in the Service, by name, and why any unready one does.
   *
   * @param held what the floor kept serving, if anything, for the agent's status
   */
  public record Serving(Set<String> pods, Optional<String> held) {}

  /**
   * Which of {@code pods} (those that may serve) stay in the Service: all of them without a quarantine; during
   * one, the ready pods and, while fewer than the floor are ready, as many unready pods (by name) as make it up.
   */
  public static Serving servingPods(Collection<Pod> pods, boolean quarantine, AvailabilityFloor floor) {
    if (!quarantine) {
      return new Serving(pods.stream().map(AvailabilityFloor::name).collect(Collectors.toCollection(TreeSet::new)), Optional.empty());
    }
    var serving = pods.stream().filter(AvailabilityFloor::isReady).map(AvailabilityFloor::name)
        .collect(Collectors.toCollection(TreeSet::new));
    var kept = pods.stream().filter(pod -> !isReady(pod)).map(AvailabilityFloor::name).sorted()
        .limit(Math.max(0, floor.pods() - serving.size())).toList();
    serving.addAll(kept);
    return new Serving(serving, kept.isEmpty() ? Optional.empty() : Optional.of("kept " + count(kept.size(), "unready pod")
        + " (" + String.join(", ", kept) + ") in the Service to hold the availability floor of " + floor.pods()
        + " (" + floor.reason() + ")"));
  }

  /**
   * An agent about to be restarted.
   *
   * @param readyPods its pods that are ready now
   * @param desiredReplicas the replicas its Deployment should run
   * @param strategy its Deployment's strategy; null for the Kubernetes default, a rolling update with 25% of each
   */
  public record Restart(String agent, int readyPods, int desiredReplicas, DeploymentStrategy strategy) {}

  /** Whether a restart may start now, and why, in words for the record of whoever asked. */
  public record RestartDecision(boolean allowed, String reason) {}

  /** A restart may start only if the pods its rollout may take away at once still leave the floor ready. */
  public static RestartDecision mayRestart(Restart restart, AvailabilityFloor floor) {
    int left = Math.max(0, restart.readyPods() - unavailableDuringRollout(restart.strategy(), restart.desiredReplicas()));
    var leaves = count(left, "ready pod");
    return left >= floor.pods()
        ? new RestartDecision(true, "restarting " + restart.agent() + " keeps at least " + leaves + ", at or above " + floor.describe())
        : new RestartDecision(false, "hold: restarting " + restart.agent() + " now would leave " + leaves + ", below " + floor.describe());
  }

  /** The ready pods a rollout may take away at once, as the deployment controller resolves the strategy. */
  private static int unavailableDuringRollout(DeploymentStrategy strategy, int desired) {
    if (strategy != null && "Recreate".equals(strategy.getType())) {
      return desired;
    }
    var rolling = Optional.ofNullable(strategy).map(DeploymentStrategy::getRollingUpdate);
    var maxUnavailable = rolling.map(RollingUpdateDeployment::getMaxUnavailable).orElse(ROLLING_UPDATE_DEFAULT);
    var maxSurge = rolling.map(RollingUpdateDeployment::getMaxSurge).orElse(ROLLING_UPDATE_DEFAULT);
    // A value the API server would refuse says nothing of what the rollout keeps: count the whole Deployment.
    int unavailable = IntOrPercent.scaled(maxUnavailable, desired, false).orElse(desired);
    int surge = IntOrPercent.scaled(maxSurge, desired, true).orElse(0);
    // Without either, the controller lets one pod go so that the rollout can move (ResolveFenceposts).
    return Math.min(desired, surge == 0 && unavailable == 0 ? 1 : unavailable);
  }

  private static boolean isReady(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String name(Pod pod) {
    return pod.getMetadata().getName();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

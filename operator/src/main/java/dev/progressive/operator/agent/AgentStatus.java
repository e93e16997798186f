package dev.progressive.operator.agent;

import static dev.progressive.operator.api.ProgressiveAgentStatus.AVAILABLE;
import static dev.progressive.operator.api.ProgressiveAgentStatus.DEGRADED;
import static dev.progressive.operator.api.ProgressiveAgentStatus.REMEDIATING;
import static dev.progressive.operator.common.Conditions.READY;
import static dev.progressive.operator.common.Conditions.of;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentStatus;
import dev.progressive.operator.api.RolloutStatus;
import dev.progressive.operator.cluster.AvailabilityFloor;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.common.Failures;
import dev.progressive.operator.common.SpecViolation;
import dev.progressive.operator.common.StalledDeployment;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.function.Function;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an agent's status should say, from what the reconciler observed: a pure function. The
 * caller stamps the conditions with {@link Conditions#merge}.
 */
public final class AgentStatus {
  public static final String REASON_READY = "AllReplicasReady";
  public static final String REASON_NOT_READY = "ReplicasNotReady";

  private AgentStatus() {}

  /**
   * What was seen: spec problems, the Deployments as the cluster has them, and a reconcile failure.
   *
   * @param rollout what status.rollout is to say
   * @param floor the agent's availability floor, unknown while its spec is invalid
   * @param floorHeld what the floor kept in the Service against a quarantine, if anything
   * @param prometheus what the Prometheus that monitors the agent reports of it
   */
  public record Observation(
      List<SpecViolation> violations, AgentDeployments deployments, Optional<RolloutStatus> rollout, ActiveMitigations mitigations,
      MonitoringSetup monitoring, Optional<Exception> failure, Optional<AvailabilityFloor> floor, Optional<String> floorHeld,
      PrometheusReport prometheus) {}

  public static ProgressiveAgentStatus desired(ProgressiveAgent agent, Observation seen) {
    var deployment = seen.deployments().stable();
    int ready = sum(seen.deployments(), DeploymentStatus::getReadyReplicas);
    var status = new ProgressiveAgentStatus();
    status.setObservedGeneration(agent.getMetadata().getGeneration());
    status.setReplicas(sum(seen.deployments(), DeploymentStatus::getReplicas));
    status.setReadyReplicas(ready);
    status.setRollout(seen.rollout().orElse(null));
    if (deployment.isPresent()) {
      status.setEndpoint(AgentService.endpoint(agent));
    }
    status.setActiveMitigations(seen.mitigations().describe());
    seen.floor().ifPresent(floor -> {
      status.setAvailabilityFloor(floor.pods());
      status.setAvailabilityFloorReason(floor.reason());
    });
    status.setRestartedAt(restartedAt(agent, deployment));
    var scraped = ScrapedCondition.from(agent, seen.prometheus());
    status.setMonitoring(scraped.status().orElse(null));
    var valid = seen.violations().isEmpty();
    status.setSlo(valid ? AgentSlo.status(agent, seen.prometheus()).orElse(null) : null);
    status.setConditions(List.of(
        ready(agent, seen, ready), available(deployment, ready), degraded(seen, ready), remediating(seen),
        RolledOutCondition.from(seen.rollout()),
        MonitoredCondition.from(agent, seen.monitoring()), scraped.condition(), rulesLoaded(agent, seen, valid)));
    return status;
  }

  /** The restart stamp every replica runs with; while a newer one rolls out, the one recorded before. */
  private static String restartedAt(ProgressiveAgent agent, Optional<Deployment> deployment) {
    return deployment.filter(AgentStatus::fullyRolledOut).flatMap(AgentDeployment::restartStamp)
        .orElseGet(() -> Optional.ofNullable(agent.getStatus()).map(ProgressiveAgentStatus::getRestartedAt).orElse(null));
  }

  private static Condition ready(ProgressiveAgent agent, Observation seen, int ready) {
    if (!seen.violations().isEmpty()) {
      return of(READY, false, Conditions.INVALID_SPEC, seen.violations().stream()
          .map(SpecViolation::toString).collect(Collectors.joining("; "))
          + ". The agent's Deployment and Service were left as they were.");
    }
    if (seen.failure().isPresent()) {
      return of(READY, false, Conditions.RECONCILE_FAILED, "Could not apply the agent's children: " + Failures.oneLine(seen.failure().get()));
    }
    int desired = seen.mitigations().replicas(agent.getSpec());
    var progress = ready + "/" + desired + " replicas ready";
    var deployments = seen.deployments();
    return rolledOut(deployments.stable()) && deployments.canary().map(c -> rolledOut(Optional.of(c))).orElse(true)
        && ready >= desired
        ? of(READY, true, REASON_READY, progress)
        : of(READY, false, REASON_NOT_READY, progress);
  }

  /** The Deployment controller has seen the current template and updated every replica. */
  private static boolean rolledOut(Optional<Deployment> deployment) {
    return deployment.filter(d -> d.getStatus() != null).map(d -> {
      var status = d.getStatus();
      long observed = Optional.ofNullable(status.getObservedGeneration()).orElse(0L);
      int updated = Optional.ofNullable(status.getUpdatedReplicas()).orElse(0);
      return observed >= d.getMetadata().getGeneration() && updated >= d.getSpec().getReplicas();
    }).orElse(false);
  }

  /** Rolled out, with every replica ready and no pod of an older template left. */
  static boolean fullyRolledOut(Deployment deployment) {
    if (!rolledOut(Optional.of(deployment))) {
      return false;
    }
    var status = deployment.getStatus();
    int updated = count(status.getUpdatedReplicas());
    return updated == deployment.getSpec().getReplicas() && count(status.getReplicas()) == updated
        && count(status.getReadyReplicas()) == updated;
  }

  /** Both Deployments' count, as the agent's pods are the two tracks' together. */
  private static int sum(AgentDeployments deployments, Function<DeploymentStatus, Integer> count) {
    return Stream.concat(deployments.stable().stream(), deployments.canary().stream())
        .map(Deployment::getStatus).filter(s -> s != null).mapToInt(s -> count(count.apply(s))).sum();
  }

  private static int count(Integer replicas) {
    return Optional.ofNullable(replicas).orElse(0);
  }

  private static Condition available(Optional<Deployment> deployment, int ready) {
    if (deployment.isEmpty()) {
      return of(AVAILABLE, false, "DeploymentMissing", "The agent's Deployment does not exist yet");
    }
    return ready > 0
        ? of(AVAILABLE, true, "MinimumReplicasAvailable", ready + " ready replica(s) serve traffic")
        : of(AVAILABLE, false, "NoReplicasAvailable", "No replica is ready to serve traffic");
  }

  private static Condition degraded(Observation seen, int ready) {
    if (seen.failure().isPresent()) {
      return of(DEGRADED, true, Conditions.RECONCILE_FAILED, Failures.oneLine(seen.failure().get()));
    }
    var deployments = seen.deployments();
    var stalled = Stream.concat(deployments.stable().stream(), deployments.canary().stream())
        .flatMap(d -> StalledDeployment.condition(d).stream())
        .findFirst();
    if (stalled.isPresent()) {
      return of(DEGRADED, true, stalled.get().getReason(), stalled.get().getMessage());
    }
    return of(DEGRADED, false, "AsExpected", ready + " replicas ready and no rollout stalled");
  }

  /** The rules an invalid spec would generate are unknown, and the ones in Prometheus are those of the last valid spec. */
  private static Condition rulesLoaded(ProgressiveAgent agent, Observation seen, boolean valid) {
    return valid ? RulesLoadedCondition.from(agent, seen.prometheus())
        : Conditions.unknown(ProgressiveAgentStatus.RULES_LOADED, Conditions.INVALID_SPEC,
            "Not checked while the spec is invalid: Prometheus keeps the rules of the last valid spec");
  }

  private static Condition remediating(Observation seen) {
    var held = seen.mitigations().describe();
    return held.isEmpty()
        ? of(REMEDIATING, false, "NoActiveIncident", "No incident holds a mitigation on this agent")
        : of(REMEDIATING, true, "MitigationsActive",
            String.join("; ", Stream.concat(held.stream(), seen.floorHeld().stream()).toList()));
  }
}

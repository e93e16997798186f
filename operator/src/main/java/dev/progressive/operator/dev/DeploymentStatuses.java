package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The status the deployment controller would write, from how many pods run, are ready and run the current template. */
final class DeploymentStatuses {
  private DeploymentStatuses() {}

  static DeploymentStatus of(Deployment deployment, int replicas, int ready, int updated) {
    int wanted = wantedReplicas(deployment);
    var current = Optional.ofNullable(deployment.getStatus()).orElseGet(DeploymentStatus::new);
    boolean complete = replicas == wanted && ready == wanted && updated == wanted;
    return new DeploymentStatusBuilder()
        .withReplicas(replicas)
        .withReadyReplicas(ready)
        .withAvailableReplicas(ready)
        .withUpdatedReplicas(updated)
        .withObservedGeneration(deployment.getMetadata().getGeneration())
        .withConditions(
            condition(current, "Available", ready > 0 || wanted == 0,
                ready > 0 || wanted == 0 ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                ready + " of " + wanted + " replicas ready."),
            condition(current, "Progressing", true, complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                complete ? "The dev cluster's pods are up." : updated + " of " + wanted + " replicas updated."))
        .build();
  }

  /** Whether two statuses say the same, whatever their conditions' timestamps. */
  static boolean same(DeploymentStatus a, DeploymentStatus b) {
    return a != null && b != null
        && Objects.equals(a.getReplicas(), b.getReplicas())
        && Objects.equals(a.getReadyReplicas(), b.getReadyReplicas())
        && Objects.equals(a.getAvailableReplicas(), b.getAvailableReplicas())
        && Objects.equals(a.getUpdatedReplicas(), b.getUpdatedReplicas())
        && Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
        && summary(a).equals(summary(b));
  }

  static int wantedReplicas(Deployment deployment) {
    // Kubernetes defaults an unset spec.replicas to 1.
    return Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
  }

  private static List<String> summary(DeploymentStatus status) {
    return conditions(status).stream().map(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason()).toList();
  }

  /** Keeps the transition time of a condition whose status stays, so that it tells when it really changed. */
  private static DeploymentCondition condition(DeploymentStatus current, String type, boolean status, String reason,
      String message) {
    var value = status ? "True" : "False";
    var now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    var since = conditions(current).stream()
        .filter(c -> c.getType().equals(type) && value.equals(c.getStatus()))
        .map(DeploymentCondition::getLastTransitionTime)
        .findFirst()
        .orElse(now);
    return new DeploymentConditionBuilder().withType(type).withStatus(value).withReason(reason)
        .withMessage(message).withLastTransitionTime(since).withLastUpdateTime(now).build();
  }

  private static List<DeploymentCondition> conditions(DeploymentStatus status) {
    return Optional.ofNullable(status.getConditions()).orElse(List.of());
  }
}

package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Stands in for the kubelet and the deployment controller, which the dev cluster does not have: reports
 * every Deployment as fully rolled out and available, as soon as its status says otherwise. It writes only
 * when the status differs, so its own writes do not feed back into more writes.
 */
public final class KubeletStandIn implements AutoCloseable {
  private final DeploymentStatusReports statuses;
  private final SharedIndexInformer<Deployment> informer;
  private final Predicate<Deployment> standsInFor;

  public KubeletStandIn(KubernetesClient client) {
    this(client, deployment -> true);
  }

  /** Stands in for the Deployments that {@code standsInFor} accepts only; something else runs the others. */
  public KubeletStandIn(KubernetesClient client, Predicate<Deployment> standsInFor) {
    this.statuses = new DeploymentStatusReports(client);
    this.standsInFor = standsInFor;
    // Nothing runs, so a deleted Deployment leaves nothing to stop.
    this.informer = client.apps().deployments().inAnyNamespace().inform(new OnLatestState<>(this::makeReady), 0);
  }

  private void makeReady(Deployment deployment) {
    if (deployment.getMetadata().getDeletionTimestamp() != null || isReady(deployment) || !standsInFor.test(deployment)) {
      return;
    }
    statuses.write(deployment, readyStatus(deployment));
  }

  static boolean isReady(Deployment deployment) {
    DeploymentStatus status = Optional.ofNullable(deployment.getStatus()).orElseGet(DeploymentStatus::new);
    int wanted = DeploymentStatuses.wantedReplicas(deployment);
    return count(status.getReplicas()) == wanted
        && count(status.getReadyReplicas()) == wanted
        && count(status.getAvailableReplicas()) == wanted
        && count(status.getUpdatedReplicas()) == wanted
        && Objects.equals(status.getObservedGeneration(), deployment.getMetadata().getGeneration())
        && hasTrueCondition(status, "Available")
        && hasTrueCondition(status, "Progressing");
  }

  private static DeploymentStatus readyStatus(Deployment deployment) {
    int wanted = DeploymentStatuses.wantedReplicas(deployment);
    return DeploymentStatuses.of(deployment, wanted, wanted, wanted);
  }

  private static boolean hasTrueCondition(DeploymentStatus status, String type) {
    return Optional.ofNullable(status.getConditions()).orElse(List.of()).stream()
        .anyMatch(c -> c.getType().equals(type) && "True".equals(c.getStatus()));
  }

  private static int count(Integer replicas) {
    return Optional.ofNullable(replicas).orElse(0);
  }

  @Override
  public void close() {
    informer.close();
  }
}

package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the kubelet and the deployment controller, which the dev cluster does not have: reports
 * every Deployment as fully rolled out and available, as soon as its status says otherwise. It writes only
 * when the status differs, so its own writes do not feed back into more writes.
 */
public final class KubeletStandIn implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KubeletStandIn.class);

  private final KubernetesClient client;
  private final SharedIndexInformer<Deployment> informer;

  public KubeletStandIn(KubernetesClient client) {
    this.client = client;
    this.informer = client.apps().deployments().inAnyNamespace().inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Deployment deployment) {
        makeReady(deployment);
      }

      @Override
      public void onUpdate(Deployment previous, Deployment deployment) {
        makeReady(deployment);
      }

      @Override
      public void onDelete(Deployment deployment, boolean finalStateUnknown) {
        // Nothing runs, so nothing is left to stop.
      }
    }, 0);
  }

  private void makeReady(Deployment deployment) {
    if (deployment.getMetadata().getDeletionTimestamp() != null || isReady(deployment)) {
      return;
    }
    Deployment ready = new DeploymentBuilder(deployment).withStatus(readyStatus(deployment)).build();
    try {
      client.resource(ready).updateStatus();
    } catch (KubernetesClientException e) {
      // A conflict or a deletion means a newer event is on its way; that event gets handled instead.
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT && e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        LOG.warn("Cannot report Deployment {}/{} ready", deployment.getMetadata().getNamespace(),
            deployment.getMetadata().getName(), e);
      }
    }
  }

  static boolean isReady(Deployment deployment) {
    DeploymentStatus status = Optional.ofNullable(deployment.getStatus()).orElseGet(DeploymentStatus::new);
    int wanted = wantedReplicas(deployment);
    return count(status.getReplicas()) == wanted
        && count(status.getReadyReplicas()) == wanted
        && count(status.getAvailableReplicas()) == wanted
        && count(status.getUpdatedReplicas()) == wanted
        && Objects.equals(status.getObservedGeneration(), deployment.getMetadata().getGeneration())
        && hasTrueCondition(status, "Available")
        && hasTrueCondition(status, "Progressing");
  }

  private static DeploymentStatus readyStatus(Deployment deployment) {
    int wanted = wantedReplicas(deployment);
    DeploymentStatus current = Optional.ofNullable(deployment.getStatus()).orElseGet(DeploymentStatus::new);
    return new DeploymentStatusBuilder()
        .withReplicas(wanted)
        .withReadyReplicas(wanted)
        .withAvailableReplicas(wanted)
        .withUpdatedReplicas(wanted)
        .withObservedGeneration(deployment.getMetadata().getGeneration())
        .withConditions(
            trueCondition(current, "Available", "MinimumReplicasAvailable", "Deployment has minimum availability."),
            trueCondition(current, "Progressing", "NewReplicaSetAvailable", "The dev cluster's pods are up."))
        .build();
  }

  /** Keeps a condition that is already true, so that its transition time stays the real one. */
  private static DeploymentCondition trueCondition(DeploymentStatus current, String type, String reason,
      String message) {
    return conditions(current).stream()
        .filter(c -> c.getType().equals(type) && "True".equals(c.getStatus()))
        .findFirst()
        .orElseGet(() -> {
          String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
          return new DeploymentConditionBuilder().withType(type).withStatus("True").withReason(reason)
              .withMessage(message).withLastTransitionTime(now).withLastUpdateTime(now).build();
        });
  }

  private static boolean hasTrueCondition(DeploymentStatus status, String type) {
    return conditions(status).stream().anyMatch(c -> c.getType().equals(type) && "True".equals(c.getStatus()));
  }

  private static List<DeploymentCondition> conditions(DeploymentStatus status) {
    return Optional.ofNullable(status.getConditions()).orElse(List.of());
  }

  private static int wantedReplicas(Deployment deployment) {
    // Kubernetes defaults an unset spec.replicas to 1.
    return Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
  }

  private static int count(Integer replicas) {
    return Optional.ofNullable(replicas).orElse(0);
  }

  @Override
  public void close() {
    informer.close();
  }
}

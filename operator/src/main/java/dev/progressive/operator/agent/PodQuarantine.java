package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.AvailabilityFloor;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes unhealthy pods out of the Service's endpoints by flipping the label the Service selects on,
 * and keeps them running for diagnosis; puts them back once no incident asks for quarantine. It never
 * leaves fewer pods serving than the agent's {@link AvailabilityFloor}.
 */
public final class PodQuarantine {
  /** Marks the pods this operator took out, so that it puts back only those. */
  public static final String QUARANTINED = ProgressiveAgent.GROUP + "/quarantined";

  private static final Logger LOG = LoggerFactory.getLogger(PodQuarantine.class);

  private PodQuarantine() {}

  /** A label change for one pod: the labels to set, and whether the quarantine mark goes or comes. */
  public record Change(Pod pod, Map<String, String> labels) {}

  /**
   * The label changes that bring the pods to what the quarantine asks.
   *
   * @param floorHeld the unready pods the availability floor kept in the Service, in words for the agent's status
   */
  public record Plan(List<Change> changes, Optional<String> floorHeld) {
    public static final Plan NONE = new Plan(List.of(), Optional.empty());
  }

  /**
   * During a quarantine, unready pods leave the Service unless the availability floor needs them; pods back to
   * ready return. Without one, every pod this operator took out goes back.
   */
  public static Plan plan(Collection<Pod> pods, boolean quarantine, AvailabilityFloor floor) {
    // A terminating pod leaves whatever we do; one someone else took out of traffic is theirs to put back.
    var ours = pods.stream()
        .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null && (serving(pod) || quarantined(pod)))
        .toList();
    var serving = AvailabilityFloor.servingPods(ours, quarantine, floor);
    var changes = ours.stream()
        .flatMap(pod -> change(pod, serving.pods().contains(pod.getMetadata().getName())).stream())
        .toList();
    return new Plan(changes, serving.held());
  }

  private static Optional<Change> change(Pod pod, boolean serves) {
    if (serving(pod) && !serves) {
      return Optional.of(new Change(pod, Map.of(AgentDeployment.SERVING_LABEL, "false", QUARANTINED, "true")));
    }
    if (quarantined(pod) && serves) {
      return Optional.of(new Change(pod, Map.of(AgentDeployment.SERVING_LABEL, "true", QUARANTINED, "false")));
    }
    return Optional.empty();
  }

  private static boolean serving(Pod pod) {
    return "true".equals(pod.getMetadata().getLabels().get(AgentDeployment.SERVING_LABEL));
  }

  private static boolean quarantined(Pod pod) {
    return "true".equals(pod.getMetadata().getLabels().get(QUARANTINED));
  }

  /**
   * Sets each change's labels, patching from the cached pod (no read). A pod that is gone by then (deleted between the
   * read and the patch) is out of traffic already: that is an outcome, not a failure.
   */
  public static void apply(KubernetesClient client, List<Change> changes) {
    for (var change : changes) {
      var meta = change.pod().getMetadata();
      try {
        client.resource(change.pod()).edit(pod -> {
          pod.getMetadata().getLabels().putAll(change.labels());
          return pod;
        });
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
          throw e;
        }
        LOG.debug("Pod {}/{} is gone; nothing to take out of or put back into traffic", meta.getNamespace(), meta.getName());
      }
    }
  }
}

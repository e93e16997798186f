package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes unhealthy pods out of the Service's endpoints by flipping the label the Service selects on,
 * and keeps them running for diagnosis; puts them back once no incident asks for quarantine.
 */
public final class PodQuarantine {
  /** Marks the pods this operator took out, so that it puts back only those. */
  public static final String QUARANTINED = ProgressiveAgent.GROUP + "/quarantined";

  private static final Logger LOG = LoggerFactory.getLogger(PodQuarantine.class);

  private PodQuarantine() {}

  /** A label change for one pod: the labels to set, and whether the quarantine mark goes or comes. */
  public record Change(Pod pod, Map<String, String> labels) {}

  public static List<Change> plan(Collection<Pod> pods, boolean quarantine) {
    return pods.stream()
        .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
        .flatMap(pod -> change(pod, quarantine).stream())
        .toList();
  }

  private static List<Change> change(Pod pod, boolean quarantine) {
    var labels = pod.getMetadata().getLabels();
    boolean serving = "true".equals(labels.get(AgentDeployment.SERVING_LABEL));
    boolean ours = "true".equals(labels.get(QUARANTINED));
    if (quarantine && serving && !isReady(pod)) {
      return List.of(new Change(pod, Map.of(AgentDeployment.SERVING_LABEL, "false", QUARANTINED, "true")));
    }
    if (!quarantine && ours) {
      return List.of(new Change(pod, Map.of(AgentDeployment.SERVING_LABEL, "true", QUARANTINED, "false")));
    }
    return List.of();
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

  static boolean isReady(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}

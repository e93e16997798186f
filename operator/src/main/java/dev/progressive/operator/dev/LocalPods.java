package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pod objects of local replicas, as the kubelet writes them: Running and not ready at start, with
 * the template's labels and the replica's port in {@link LocalServices#PORT_ANNOTATION}; then Ready as
 * probed; deleted when the replica stops, which takes it out of its Services.
 */
final class LocalPods {
  private static final Logger LOG = LoggerFactory.getLogger(LocalPods.class);
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final KubernetesClient client;

  LocalPods(KubernetesClient client) {
    this.client = client;
  }

  void create(Deployment deployment, AgentReplica replica) {
    client.resource(of(deployment, replica)).create();
  }

  /** Whether the pod now says {@code ready}. */
  boolean reportReady(AgentReplica replica, boolean ready) {
    try {
      client.pods().inNamespace(replica.namespace).withName(replica.pod).editStatus(pod ->
          new PodBuilder(pod).editStatus().withConditions(readiness(ready)).endStatus().build());
      return true;
    } catch (KubernetesClientException e) {
      LOG.warn("Cannot report pod {} {}", replica.pod, ready ? "ready" : "unready", e);
      return false;
    }
  }

  void delete(AgentReplica replica) {
    try {
      client.pods().inNamespace(replica.namespace).withName(replica.pod).delete();
    } catch (KubernetesClientException e) {
      LOG.warn("Cannot delete pod {}", replica.pod, e);
    }
  }

  static Pod of(Deployment deployment, AgentReplica replica) {
    var template = deployment.getSpec().getTemplate();
    return new PodBuilder()
        .withNewMetadata()
          .withName(replica.pod)
          .withNamespace(replica.namespace)
          .withLabels(template.getMetadata().getLabels())
          .addToLabels("pod-template-hash", replica.templateHash)
          .withAnnotations(template.getMetadata().getAnnotations())
          .addToAnnotations(LocalServices.PORT_ANNOTATION, String.valueOf(replica.port))
          .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment")
              .withName(deployment.getMetadata().getName()).withUid(deployment.getMetadata().getUid())
              .withController(true).build())
        .endMetadata()
        .withSpec(SERIALIZATION.clone(template.getSpec()))
        .editSpec().withNodeName("localhost").endSpec()
        .withNewStatus()
          .withPhase("Running")
          .withPodIP("127.0.0.1")
          .withHostIP("127.0.0.1")
          .withStartTime(now())
          .withConditions(readiness(false))
        .endStatus()
        .build();
  }

  private static List<PodCondition> readiness(boolean ready) {
    var status = ready ? "True" : "False";
    var now = now();
    return List.of(
        new PodConditionBuilder().withType("Ready").withStatus(status).withLastTransitionTime(now).build(),
        new PodConditionBuilder().withType("ContainersReady").withStatus(status).withLastTransitionTime(now).build());
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}

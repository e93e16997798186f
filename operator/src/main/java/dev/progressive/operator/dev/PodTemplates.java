package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** What a local replica takes from its Deployment's pod template, as the kubelet and a ReplicaSet read it. */
final class PodTemplates {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private PodTemplates() {}

  static Map<String, String> labels(PodTemplateSpec template) {
    return Optional.ofNullable(template.getMetadata()).map(ObjectMeta::getLabels).orElse(Map.of());
  }

  /** Whether the pods of the template carry every label of {@code selector}, as a Service's selector matches. */
  static boolean selectedBy(Map<String, String> selector, PodTemplateSpec template) {
    return labels(template).entrySet().containsAll(selector.entrySet());
  }

  /**
   * The path of the process' readiness probe: the first container's HTTP GET, as the process runs that
   * container. Its port is the container's, which a local replica serves on its one loopback port.
   * Without one, Kubernetes counts a running container as ready.
   */
  static Optional<String> readinessPath(PodTemplateSpec template) {
    return template.getSpec().getContainers().stream().findFirst()
        .map(Container::getReadinessProbe)
        .map(Probe::getHttpGet)
        // The kubelet asks for "/" when the probe names no path.
        .map(get -> Optional.ofNullable(get.getPath()).orElse("/"));
  }

  /** As the pod-template-hash label: equal templates, equal hash; any change of the template, a new one. */
  static String hash(PodTemplateSpec template) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(SERIALIZATION.asJson(template).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

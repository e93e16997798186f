package dev.progressive.operator.dev;

import dev.progressive.operator.delivery.Track;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Services for pods that run as local processes: which local pods each Service selects (its
 * endpoints), and a loopback address per Service that forwards to its ready pods. A pod runs locally
 * when it carries {@link #PORT_ANNOTATION}. Endpoints follow the pods' labels and Ready condition in
 * the API, so a pod the operator takes out of traffic (its serving label) leaves the Service as in a
 * real cluster.
 */
public final class LocalServices implements AutoCloseable {
  /** The loopback port of a pod that runs as a local process. */
  public static final String PORT_ANNOTATION = "progressive.dev/local-port";

  /**
   * One local pod selected by a Service.
   *
   * @param track the pod's {@link Track#POD_LABEL}, empty on a pod without it
   */
  public record Endpoint(String namespace, String service, String pod, int port, boolean ready, Optional<String> track) {}

  private final SharedIndexInformer<Service> services;
  private final SharedIndexInformer<Pod> pods;
  private final Map<String, LoopbackProxy> proxies = new ConcurrentHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  LocalServices(KubernetesClient client) {
    services = client.services().inAnyNamespace().inform(notifying(), 0);
    pods = client.pods().inAnyNamespace().inform(notifying(), 0);
  }

  /** The address that stands for {@code http://<name>:<port>} in the namespace: a proxy to the Service's ready pods. */
  URI address(String namespace, String name) {
    var proxy = proxies.computeIfAbsent(namespace + "/" + name, key -> new LoopbackProxy(() -> endpoints().stream()
        .filter(e -> e.ready() && e.namespace().equals(namespace) && e.service().equals(name))
        .map(Endpoint::port)
        .toList()));
    return URI.create("http://127.0.0.1:" + proxy.port());
  }

  /** Every local pod that a Service selects, ready or not, the way endpoints discovery lists them. */
  public List<Endpoint> endpoints() {
    return services.getStore().list().stream()
        .flatMap(service -> pods.getStore().list().stream()
            .filter(pod -> selects(service, pod) && port(pod).isPresent())
            .map(pod -> new Endpoint(service.getMetadata().getNamespace(), service.getMetadata().getName(),
                pod.getMetadata().getName(), port(pod).orElseThrow(), isReady(pod),
                Optional.ofNullable(pod.getMetadata().getLabels()).map(labels -> labels.get(Track.POD_LABEL)))))
        .toList();
  }

  /** Runs {@code listener} after any change of a Service or a pod. */
  void onChange(Runnable listener) {
    listeners.add(listener);
  }

  private static boolean selects(Service service, Pod pod) {
    var selector = service.getSpec().getSelector();
    var labels = Optional.ofNullable(pod.getMetadata().getLabels()).orElse(Map.of());
    return Objects.equals(service.getMetadata().getNamespace(), pod.getMetadata().getNamespace())
        && selector != null && !selector.isEmpty()
        && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
        && pod.getMetadata().getDeletionTimestamp() == null;
  }

  private static Optional<Integer> port(Pod pod) {
    return Optional.ofNullable(pod.getMetadata().getAnnotations()).map(a -> a.get(PORT_ANNOTATION)).map(Integer::valueOf);
  }

  private static boolean isReady(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private <T extends HasMetadata> ResourceEventHandler<T> notifying() {
    return new OnAnyChange<>(() -> listeners.forEach(Runnable::run));
  }

  @Override
  public void close() {
    services.close();
    pods.close();
    proxies.values().forEach(LoopbackProxy::close);
  }
}

package dev.progressive.operator.dev;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An in-process Kubernetes API on 127.0.0.1 that kubectl and fabric8 clients can use: the fabric8 CRUD
 * mock's store with discovery documents ({@link DevDispatcher}), behind a front that serves its reads side by side,
 * its writes one at a time and its watches as HTTP streams ({@link ApiFront}).
 *
 * <pre>{@code
 * try (DevCluster cluster = DevCluster.start()) {
 *   cluster.writeKubeconfig(Path.of("kubeconfig"));   // kubectl --kubeconfig kubeconfig get pa
 *   cluster.client().configMaps().resource(configMap).create();
 * }
 * }</pre>
 */
public final class DevCluster implements AutoCloseable {

  private static final String NAME = "progressive-dev";

  private final DevDispatcher dispatcher = new DevDispatcher();
  private final ApiFront front = new ApiFront(dispatcher);
  private final KubernetesClient client = newClient(front.uri());

  private DevCluster() {}

  /** Starts a cluster on free ports of 127.0.0.1. */
  public static DevCluster start() {
    return new DevCluster();
  }

  /** The API server address for kubectl and any other client. */
  public URI url() {
    return front.uri();
  }

  /** A client of {@link #url()}; the cluster owns and closes it. */
  public KubernetesClient client() {
    return client;
  }

  /** Writes a kubeconfig for {@link #url()} with a dummy token, and returns the path. */
  public Path writeKubeconfig(Path file) {
    try {
      return Files.writeString(file, Kubeconfig.yaml(NAME, url()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the kubeconfig " + file, e);
    }
  }

  /** How many POST, PUT, PATCH and DELETE requests the cluster received since it started. */
  public long writeCount() {
    return dispatcher.writes().count();
  }

  /** The latest write requests, oldest first, as "METHOD path": what to show when a test found a write too many. */
  public List<String> recentWrites() {
    return dispatcher.writes().recent();
  }

  @Override
  public void close() {
    client.close();
    dispatcher.endWatches();
    front.close();
  }

  private static KubernetesClient newClient(URI url) {
    // Config.empty(): nothing from the user's kubeconfig or environment may point this client elsewhere.
    Config config = new ConfigBuilder(Config.empty())
        .withMasterUrl(url.toString())
        .withNamespace("default")
        .withHttp2Disable(true)
        .build();
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientFactory(new JdkHttpClientFactory())
        .withKubernetesSerialization(new KubernetesSerialization())
        .build();
  }
}

package dev.progressive.operator.dev;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An in-process Kubernetes API on 127.0.0.1 that kubectl and fabric8 clients can use: the fabric8 CRUD
 * mock server with discovery documents, behind a front that serves watches as HTTP streams.
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
  private static final long REQUEST_LOG_DRAIN_SECONDS = 5;
  // Held so that the level set on it is not lost when the logger is garbage collected.
  private static final Logger MOCK_REQUEST_LOGGER = Logger.getLogger(MockWebServer.class.getName());

  private final MockWebServer webServer = new MockWebServer();
  private final DevDispatcher dispatcher = new DevDispatcher();
  private final KubernetesMockServer mock;
  private final ApiFront front;
  private final KubernetesClient client;
  private final ScheduledExecutorService requestLogDrain;

  private DevCluster() {
    MOCK_REQUEST_LOGGER.setLevel(Level.WARNING);
    mock = new KubernetesMockServer(new Context(), webServer, new HashMap<>(), dispatcher, false);
    mock.start(InetAddress.getLoopbackAddress(), 0);
    URI mockUri = URI.create("http://127.0.0.1:" + mock.getPort() + "/");
    front = new ApiFront(mockUri);
    client = newClient(mockUri);
    requestLogDrain = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
        .name("dev-cluster-request-log-drain").daemon().factory());
    requestLogDrain.scheduleWithFixedDelay(this::drainRequestLog,
        REQUEST_LOG_DRAIN_SECONDS, REQUEST_LOG_DRAIN_SECONDS, TimeUnit.SECONDS);
  }

  /** Starts a cluster on free ports of 127.0.0.1. */
  public static DevCluster start() {
    return new DevCluster();
  }

  /** The API server address for kubectl and any other client. */
  public URI url() {
    return front.uri();
  }

  /** A client connected to the mock directly; the cluster owns and closes it. */
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

  /**
   * Drops the requests the mock keeps for its own request log. This also runs every few seconds; call it
   * before measuring the heap.
   */
  public void drainRequestLog() {
    webServer.reset();
  }

  @Override
  public void close() {
    requestLogDrain.shutdownNow();
    client.close();
    front.close();
    mock.shutdown();
  }

  private static KubernetesClient newClient(URI mockUri) {
    // Config.empty(): nothing from the user's kubeconfig or environment may point this client elsewhere.
    Config config = new ConfigBuilder(Config.empty())
        .withMasterUrl(mockUri.toString())
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

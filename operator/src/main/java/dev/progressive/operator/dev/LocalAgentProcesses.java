package dev.progressive.operator.dev;

import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every agent Deployment's replicas as local agent-runtime processes on 127.0.0.1, in place of the
 * kubelet stand-in: as many processes as {@code spec.replicas}, replaced when the pod template changes,
 * replaced after a crash. Each gets a Pod object in the API (the template's labels, its port in
 * {@link LocalServices#PORT_ANNOTATION}, a Ready condition from {@code /health/ready}), and each
 * Deployment's status counts the ready ones, so the operator sees what really runs.
 *
 * <p>One thread does all of it, on every Deployment event and twice a second. {@link #close()} stops
 * every process; {@link ChildProcesses} stops them when the JVM exits without closing this.
 */
public final class LocalAgentProcesses implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalAgentProcesses.class);
  private static final String AGENT_COMPONENT = "agent";
  private static final Duration TICK = Duration.ofMillis(500);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
  /** After a replica exits, its Deployment starts no other for this long: a crash loop would spin otherwise. */
  private static final Duration CRASH_BACKOFF = Duration.ofSeconds(10);

  /** What a replica looks like from outside. */
  public record Replica(String namespace, String deployment, String pod, URI uri, long pid, boolean ready) {}

  private final KubernetesClient client;
  private final RuntimeLauncher launcher;
  private final LocalServices services;
  private final ConfigMapFiles configMaps;
  private final LocalEnvironment environment;
  private final SharedIndexInformer<Deployment> deployments;
  private final ScheduledExecutorService loop;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
  private final KubernetesSerialization serialization = new KubernetesSerialization();
  private final SecureRandom random = new SecureRandom();
  private final AtomicBoolean syncPending = new AtomicBoolean();
  private final Set<Thread> stopping = ConcurrentHashMap.newKeySet();
  // Touched by the loop thread only.
  private final Map<String, List<AgentReplica>> running = new LinkedHashMap<>();
  private final Map<String, Instant> backoffUntil = new HashMap<>();
  private volatile List<Replica> snapshot = List.of();

  private LocalAgentProcesses(KubernetesClient client, RuntimeLauncher launcher, Path workDirectory) {
    this.client = client;
    this.launcher = launcher;
    this.services = new LocalServices(client);
    this.configMaps = new ConfigMapFiles(client, workDirectory.toAbsolutePath().resolve("configmaps"));
    this.environment = new LocalEnvironment(services, configMaps);
    this.loop = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("local-agent-processes").factory());
    // Not started before the field is set: its first events reach the loop, which reads the field.
    this.deployments = client.apps().deployments().inAnyNamespace().runnableInformer(0);
    deployments.addEventHandler(new OnAnyChange<>(this::requestSync));
    deployments.start();
    loop.scheduleWithFixedDelay(this::sync, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the Deployment is an agent's, which this runs; other Deployments are left to the kubelet stand-in. */
  public static boolean runsAgent(Deployment deployment) {
    var labels = Optional.ofNullable(deployment.getMetadata().getLabels()).orElse(Map.of());
    // The labels the operator puts on an agent's children (AgentLabels).
    return Labels.MANAGER.equals(labels.get(Labels.MANAGED_BY)) && AGENT_COMPONENT.equals(labels.get(Labels.COMPONENT));
  }

  /** Starts running the replicas of every agent's Deployment, now and as they change. */
  public static LocalAgentProcesses start(KubernetesClient client, RuntimeLauncher launcher, Path workDirectory) {
    return new LocalAgentProcesses(client, launcher, workDirectory);
  }

  /** Every replica running now. */
  public List<Replica> replicas() {
    return snapshot;
  }

  public List<Replica> replicas(String namespace, String deployment) {
    return snapshot.stream().filter(r -> r.namespace().equals(namespace) && r.deployment().equals(deployment)).toList();
  }

  /** The Services' endpoints among the local pods, and their loopback addresses. */
  public LocalServices services() {
    return services;
  }

  /** Where each replica writes its stdout and stderr, as {@code <pod>.log}. */
  public Path logDirectory() {
    return launcher.logDirectory();
  }

  private void requestSync() {
    if (syncPending.compareAndSet(false, true) && !loop.isShutdown()) {
      loop.execute(this::sync);
    }
  }

  private void sync() {
    syncPending.set(false);
    try {
      reapExited();
      var current = deployments.getStore().list().stream().filter(LocalAgentProcesses::runsAgent).toList();
      var keys = new HashSet<String>();
      for (var deployment : current) {
        keys.add(key(deployment));
        scale(deployment);
      }
      running.keySet().stream().filter(key -> !keys.contains(key)).toList()
          .forEach(key -> running.remove(key).forEach(this::stop));
      probe();
      current.forEach(this::reportStatus);
      snapshot = running.values().stream().flatMap(List::stream).map(AgentReplica::view).toList();
    } catch (RuntimeException e) {
      // The next tick tries again; one failure must not end the loop.
      LOG.warn("Local agent processes: sync failed", e);
    }
  }

  private void reapExited() {
    if (ChildProcesses.exiting()) {
      return;
    }
    for (var entry : running.entrySet()) {
      for (var replica : List.copyOf(entry.getValue())) {
        if (!replica.process.isAlive()) {
          LOG.warn("Replica {} exited with status {}; its log: {}", replica.pod, replica.process.exitValue(),
              launcher.log(replica.pod));
          entry.getValue().remove(replica);
          deletePod(replica);
          backoffUntil.put(entry.getKey(), Instant.now().plus(CRASH_BACKOFF));
        }
      }
    }
  }

  /** As many replicas of the current template as wanted; a template change replaces them all at once. */
  private void scale(Deployment deployment) {
    var replicas = running.computeIfAbsent(key(deployment), k -> new ArrayList<>());
    var hash = templateHash(deployment);
    int wanted = deployment.getMetadata().getDeletionTimestamp() != null ? 0 : DeploymentStatuses.wantedReplicas(deployment);
    replicas.stream().filter(r -> !r.templateHash.equals(hash)).toList().forEach(stale -> {
      replicas.remove(stale);
      stop(stale);
    });
    while (replicas.size() > wanted) {
      // As a ReplicaSet does: an unready replica goes first, then the newest.
      var victim = replicas.stream().filter(r -> !r.ready).findFirst().orElse(replicas.get(replicas.size() - 1));
      replicas.remove(victim);
      stop(victim);
    }
    if (replicas.size() < wanted && Instant.now().isAfter(backoffUntil.getOrDefault(key(deployment), Instant.MIN))) {
      while (replicas.size() < wanted) {
        replicas.add(startReplica(deployment, hash));
      }
    }
  }

  private AgentReplica startReplica(Deployment deployment, String hash) {
    var namespace = deployment.getMetadata().getNamespace();
    var pod = deployment.getMetadata().getName() + "-" + hash + "-" + suffix();
    int port = LoopbackPorts.free();
    var process = launcher.start(pod, environment.of(deployment, pod, port));
    var replica = new AgentReplica(namespace, deployment.getMetadata().getName(), pod, hash, port, process);
    client.resource(podObject(deployment, replica)).create();
    LOG.info("Started {} (pid {}) on {}", pod, process.pid(), replica.uri());
    return replica;
  }

  /** Out of the Service and Prometheus' targets first, then SIGTERM, on a thread of its own: draining takes a while. */
  private void stop(AgentReplica replica) {
    deletePod(replica);
    var thread = Thread.ofVirtual().unstarted(() -> {
      replica.stop();
      LOG.info("Stopped {} (pid {})", replica.pod, replica.process.pid());
    });
    stopping.add(thread);
    thread.start();
    stopping.removeIf(t -> !t.isAlive() && t != thread);
  }

  private void probe() {
    var probes = running.values().stream().flatMap(List::stream)
        .map(replica -> http.sendAsync(HttpRequest.newBuilder(replica.uri().resolve("/health/ready"))
                .timeout(PROBE_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding())
            .handle((response, failure) -> failure == null && response.statusCode() == 200)
            .thenAccept(ready -> updateReadiness(replica, ready)))
        .toList();
    probes.forEach(CompletableFuture::join);
  }

  private void updateReadiness(AgentReplica replica, boolean ready) {
    if (replica.ready == ready) {
      return;
    }
    replica.ready = ready;
    try {
      client.pods().inNamespace(replica.namespace).withName(replica.pod).editStatus(pod ->
          new PodBuilder(pod).editStatus().withConditions(readiness(ready)).endStatus().build());
    } catch (KubernetesClientException e) {
      LOG.warn("Cannot report pod {} {}", replica.pod, ready ? "ready" : "unready", e);
      replica.ready = !ready;
    }
  }

  private void reportStatus(Deployment deployment) {
    var replicas = running.getOrDefault(key(deployment), List.of());
    var hash = templateHash(deployment);
    var status = DeploymentStatuses.of(deployment, replicas.size(),
        (int) replicas.stream().filter(r -> r.ready).count(),
        (int) replicas.stream().filter(r -> r.templateHash.equals(hash)).count());
    if (deployment.getMetadata().getDeletionTimestamp() != null || DeploymentStatuses.same(status, deployment.getStatus())) {
      return;
    }
    try {
      client.resource(new DeploymentBuilder(deployment).withStatus(status).build()).updateStatus();
    } catch (KubernetesClientException e) {
      // A conflict or a deletion: the next tick works from the newer copy.
      if (e.getCode() != 409 && e.getCode() != 404) {
        LOG.warn("Cannot report Deployment {} status", key(deployment), e);
      }
    }
  }

  private Pod podObject(Deployment deployment, AgentReplica replica) {
    var template = deployment.getSpec().getTemplate();
    var now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
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
        .withSpec(serialization.clone(template.getSpec()))
        .editSpec().withNodeName("localhost").endSpec()
        .withNewStatus()
          .withPhase("Running")
          .withPodIP("127.0.0.1")
          .withHostIP("127.0.0.1")
          .withStartTime(now)
          .withConditions(readiness(false))
        .endStatus()
        .build();
  }

  private static List<PodCondition> readiness(boolean ready) {
    var now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    var status = ready ? "True" : "False";
    return List.of(
        new PodConditionBuilder().withType("Ready").withStatus(status).withLastTransitionTime(now).build(),
        new PodConditionBuilder().withType("ContainersReady").withStatus(status).withLastTransitionTime(now).build());
  }

  private void deletePod(AgentReplica replica) {
    try {
      client.pods().inNamespace(replica.namespace).withName(replica.pod).delete();
    } catch (KubernetesClientException e) {
      LOG.warn("Cannot delete pod {}", replica.pod, e);
    }
  }

  /** As the pod-template-hash label: equal templates, equal hash; any change of the template, a new one. */
  private String templateHash(Deployment deployment) {
    try {
      var digest = MessageDigest.getInstance("SHA-256")
          .digest(serialization.asJson(deployment.getSpec().getTemplate()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private String suffix() {
    var alphabet = "bcdfghjklmnpqrstvwxz2456789";
    var suffix = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return suffix.toString();
  }

  private static String key(Deployment deployment) {
    return deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName();
  }

  /** Stops every process and waits until they are gone. */
  @Override
  public void close() {
    deployments.close();
    // Not shutdownNow: an interrupted API call would only add noise; the running sync finishes quickly.
    loop.shutdown();
    try {
      loop.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    running.values().stream().flatMap(List::stream).forEach(replica -> {
      var thread = Thread.ofVirtual().start(replica::stop);
      stopping.add(thread);
    });
    running.clear();
    for (var thread : stopping) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    snapshot = List.of();
    services.close();
    configMaps.close();
  }
}

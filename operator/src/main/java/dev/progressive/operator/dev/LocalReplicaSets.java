package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the deployment controller and its ReplicaSets where pods run as local processes: keeps
 * as many replicas of each Deployment it runs as {@code spec.replicas} says, of the current template,
 * replaced after a crash, and writes a status that counts the ready ones, so that the operator sees
 * what really runs.
 *
 * <p>One thread does all of it, on every Deployment event and twice a second.
 */
final class LocalReplicaSets implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalReplicaSets.class);
  private static final Duration TICK = Duration.ofMillis(500);
  /** After a replica exits, its Deployment starts no other for this long: a crash loop would spin otherwise. */
  private static final Duration CRASH_BACKOFF = Duration.ofSeconds(10);

  private final Predicate<Deployment> runsLocally;
  private final ReplicaProcesses processes;
  private final ReadinessProbes probes;
  private final DeploymentStatusReports statuses;
  private final SharedIndexInformer<Deployment> deployments;
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("local-agent-processes").factory());
  private final AtomicBoolean syncPending = new AtomicBoolean();
  // Touched by the loop thread only.
  private final Map<String, List<AgentReplica>> running = new LinkedHashMap<>();
  private final Map<String, Instant> backoffUntil = new HashMap<>();
  private volatile List<LocalAgentProcesses.Replica> snapshot = List.of();

  private LocalReplicaSets(KubernetesClient client, Predicate<Deployment> runsLocally, ReplicaProcesses processes,
      ReadinessProbes probes) {
    this.runsLocally = runsLocally;
    this.processes = processes;
    this.probes = probes;
    this.statuses = new DeploymentStatusReports(client);
    this.deployments = client.apps().deployments().inAnyNamespace().runnableInformer(0);
  }

  /** Runs the replicas of the Deployments that {@code runsLocally} accepts, now and as they change. */
  static LocalReplicaSets start(KubernetesClient client, Predicate<Deployment> runsLocally, ReplicaProcesses processes,
      ReadinessProbes probes) {
    var replicaSets = new LocalReplicaSets(client, runsLocally, processes, probes);
    replicaSets.deployments.addEventHandler(new OnAnyChange<>(replicaSets::requestSync));
    replicaSets.deployments.start();
    replicaSets.loop.scheduleWithFixedDelay(replicaSets::sync, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    return replicaSets;
  }

  /** Every replica running now. */
  List<LocalAgentProcesses.Replica> replicas() {
    return snapshot;
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
      var current = deployments.getStore().list().stream().filter(runsLocally).toList();
      current.forEach(this::scale);
      stopVanished(current);
      probes.probe(all());
      current.forEach(this::reportStatus);
      snapshot = all().stream().map(AgentReplica::view).toList();
    } catch (RuntimeException e) {
      // The next tick tries again; one failure must not end the loop.
      LOG.warn("Local agent processes: sync failed", e);
    }
  }

  private void reapExited() {
    if (ChildProcesses.exiting()) {
      return;
    }
    running.forEach((key, replicas) -> replicas.stream().filter(r -> !r.process.isAlive()).toList().forEach(exited -> {
      replicas.remove(exited);
      processes.exited(exited);
      backoffUntil.put(key, Instant.now().plus(CRASH_BACKOFF));
    }));
  }

  private void scale(Deployment deployment) {
    var key = key(deployment);
    var replicas = running.computeIfAbsent(key, k -> new ArrayList<>());
    var hash = PodTemplates.hash(deployment.getSpec().getTemplate());
    boolean mayStart = Instant.now().isAfter(backoffUntil.getOrDefault(key, Instant.MIN));
    var plan = ReplicaPlan.of(replicas, hash, wanted(deployment), mayStart);
    plan.stop().forEach(replica -> {
      replicas.remove(replica);
      processes.stop(replica);
    });
    for (int i = 0; i < plan.start(); i++) {
      replicas.add(processes.start(deployment, hash));
    }
  }

  private void stopVanished(List<Deployment> current) {
    var keys = current.stream().map(LocalReplicaSets::key).collect(Collectors.toSet());
    running.keySet().stream().filter(key -> !keys.contains(key)).toList()
        .forEach(key -> running.remove(key).forEach(processes::stop));
  }

  private void reportStatus(Deployment deployment) {
    if (deployment.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    var replicas = running.getOrDefault(key(deployment), List.of());
    var hash = PodTemplates.hash(deployment.getSpec().getTemplate());
    var status = DeploymentStatuses.of(deployment, replicas.size(),
        (int) replicas.stream().filter(r -> r.ready).count(),
        (int) replicas.stream().filter(r -> r.templateHash.equals(hash)).count());
    if (!DeploymentStatuses.same(status, deployment.getStatus())) {
      statuses.write(deployment, status);
    }
  }

  private List<AgentReplica> all() {
    return running.values().stream().flatMap(List::stream).toList();
  }

  private static int wanted(Deployment deployment) {
    return deployment.getMetadata().getDeletionTimestamp() != null ? 0 : DeploymentStatuses.wantedReplicas(deployment);
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
    processes.stopAll(all());
    running.clear();
    snapshot = List.of();
  }
}

package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a Deployment's replica as a local process with its Pod object, and stops one: out of the API
 * first, so that it leaves its Services and Prometheus' targets, then SIGTERM, on a thread of its own,
 * as draining takes a while.
 */
final class ReplicaProcesses {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaProcesses.class);

  private final RuntimeLauncher launcher;
  private final LocalEnvironment environment;
  private final LocalPods pods;
  private final Set<Thread> stopping = ConcurrentHashMap.newKeySet();

  ReplicaProcesses(RuntimeLauncher launcher, LocalEnvironment environment, LocalPods pods) {
    this.launcher = launcher;
    this.environment = environment;
    this.pods = pods;
  }

  /** A replica of the Deployment's template, whose hash is {@code templateHash}. */
  AgentReplica start(Deployment deployment, String templateHash) {
    var name = deployment.getMetadata().getName();
    var pod = ObjectNames.generate(name + "-" + templateHash + "-");
    int port = LoopbackPorts.free();
    var process = launcher.start(pod, environment.of(deployment, pod, port));
    var replica = new AgentReplica(deployment.getMetadata().getNamespace(), name, pod, templateHash, port, process,
        PodTemplates.readinessPath(deployment.getSpec().getTemplate()));
    pods.create(deployment, replica);
    LOG.info("Started {} (pid {}) on {}", pod, process.pid(), replica.uri());
    return replica;
  }

  void stop(AgentReplica replica) {
    pods.delete(replica);
    inBackground(() -> {
      replica.stop();
      LOG.info("Stopped {} (pid {})", replica.pod, replica.process.pid());
    });
  }

  /** A replica whose process exited: only its pod is left to delete. */
  void exited(AgentReplica replica) {
    LOG.warn("Replica {} exited with status {}; its log: {}", replica.pod, replica.process.exitValue(), launcher.log(replica.pod));
    pods.delete(replica);
  }

  /**
   * Stops every replica and returns once each process that was stopping is gone. Their pods stay: the
   * cluster is going away with them.
   */
  void stopAll(Collection<AgentReplica> replicas) {
    replicas.forEach(replica -> inBackground(replica::stop));
    for (var thread : stopping) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void inBackground(Runnable stop) {
    var thread = Thread.ofVirtual().unstarted(stop);
    stopping.add(thread);
    thread.start();
    stopping.removeIf(t -> !t.isAlive() && t != thread);
  }
}

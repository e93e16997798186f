package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the agents' replicas as local agent-runtime processes on 127.0.0.1, in place of the kubelet
 * stand-in: the replicas of every Deployment whose pod template carries the agents' labels, kept as
 * {@link LocalReplicaSets} keeps them, each with its Pod object ({@link LocalPods}), readiness from its
 * template's probe ({@link ReadinessProbes}), its ConfigMaps as files and its Services as loopback
 * proxies ({@link LocalEnvironment}).
 *
 * <p>{@link #close()} stops every process; {@link ChildProcesses} stops them when the JVM exits without
 * closing this.
 */
public final class LocalAgentProcesses implements AutoCloseable {
  /** What a replica looks like from outside. */
  public record Replica(String namespace, String deployment, String pod, URI uri, long pid, boolean ready) {}

  private final Map<String, String> agentPods;
  private final RuntimeLauncher launcher;
  private final LocalServices services;
  private final ConfigMapFiles configMaps;
  private final LocalReplicaSets replicaSets;

  private LocalAgentProcesses(KubernetesClient client, RuntimeLauncher launcher, Path workDirectory,
      Map<String, String> agentPods) {
    this.agentPods = Map.copyOf(agentPods);
    this.launcher = launcher;
    this.services = new LocalServices(client);
    this.configMaps = new ConfigMapFiles(client, workDirectory.toAbsolutePath().resolve("configmaps"));
    var pods = new LocalPods(client);
    var processes = new ReplicaProcesses(launcher, new LocalEnvironment(services, configMaps), pods);
    this.replicaSets = LocalReplicaSets.start(client, this::runs, processes, new ReadinessProbes(pods));
  }

  /**
   * Starts running the replicas of the Deployments whose pods carry every label of {@code agentPods},
   * now and as they change; their ConfigMaps as files under {@code workDirectory}.
   */
  static LocalAgentProcesses start(KubernetesClient client, RuntimeLauncher launcher, Path workDirectory,
      Map<String, String> agentPods) {
    return new LocalAgentProcesses(client, launcher, workDirectory, agentPods);
  }

  /** Whether this runs the Deployment's replicas; the kubelet stand-in reports the others. */
  boolean runs(Deployment deployment) {
    return PodTemplates.selectedBy(agentPods, deployment.getSpec().getTemplate());
  }

  /** Every replica running now. */
  public List<Replica> replicas() {
    return replicaSets.replicas();
  }

  public List<Replica> replicas(String namespace, String deployment) {
    return replicas().stream().filter(r -> r.namespace().equals(namespace) && r.deployment().equals(deployment)).toList();
  }

  /** The Services' endpoints among the local pods, and their loopback addresses. */
  public LocalServices services() {
    return services;
  }

  /** Where each replica writes its stdout and stderr, as {@code <pod>.log}. */
  public Path logDirectory() {
    return launcher.logDirectory();
  }

  /** Stops every process and waits until they are gone. */
  @Override
  public void close() {
    replicaSets.close();
    services.close();
    configMaps.close();
  }
}

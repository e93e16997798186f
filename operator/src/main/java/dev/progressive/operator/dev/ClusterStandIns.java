package dev.progressive.operator.dev;

import dev.progressive.operator.common.Closer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a real cluster runs beside its API server and the dev cluster has not, started together and
 * closed together: the garbage collector, the kubelet, and, when asked, the agents' replicas as local
 * processes, whose Deployments the kubelet stand-in then leaves to them.
 *
 * <pre>{@code
 * try (var standIns = ClusterStandIns.on(client).withLocalAgents(launcher, workDirectory, agentPods).start()) {
 *   standIns.localAgents().orElseThrow().replicas();
 * }
 * }</pre>
 */
public final class ClusterStandIns implements AutoCloseable {
  private final Closer started;
  private final Optional<LocalAgentProcesses> localAgents;

  private ClusterStandIns(Closer started, Optional<LocalAgentProcesses> localAgents) {
    this.started = started;
    this.localAgents = localAgents;
  }

  public static Builder on(KubernetesClient client) {
    return new Builder(client);
  }

  /** The agents' local processes, when asked for. */
  public Optional<LocalAgentProcesses> localAgents() {
    return localAgents;
  }

  @Override
  public void close() {
    started.close();
  }

  public static final class Builder {
    private final KubernetesClient client;
    private Optional<Supplier<LocalAgentProcesses>> localAgents = Optional.empty();

    private Builder(KubernetesClient client) {
      this.client = client;
    }

    /**
     * Runs the replicas of the Deployments whose pods carry every label of {@code agentPods} as local
     * agent-runtime processes, their ConfigMaps as files under {@code workDirectory}.
     */
    public Builder withLocalAgents(RuntimeLauncher launcher, Path workDirectory, Map<String, String> agentPods) {
      localAgents = Optional.of(() -> LocalAgentProcesses.start(client, launcher, workDirectory, agentPods));
      return this;
    }

    /** Starts them all; when one fails to start, those started before it are closed. */
    public ClusterStandIns start() {
      var started = new Closer();
      try {
        var agents = localAgents.map(start -> started.add(start.get()));
        started.add(new KubeletStandIn(client, deployment -> agents.map(a -> !a.runs(deployment)).orElse(true)));
        started.add(new GarbageCollectorStandIn(client));
        return new ClusterStandIns(started, agents);
      } catch (RuntimeException | Error e) {
        started.close();
        throw e;
      }
    }
  }
}

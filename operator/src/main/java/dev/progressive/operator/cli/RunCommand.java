package dev.progressive.operator.cli;

import dev.progressive.operator.ProgressiveOperator;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    description = "Run the operator against the cluster from KUBECONFIG, ~/.kube/config or the in-cluster"
        + " service account, with leader election, /healthz, /readyz and /metrics.")
final class RunCommand implements Callable<Integer> {
  @Option(names = "--namespaces", split = ",", description = "Namespaces to watch (default: all).")
  Set<String> namespaces = Set.of();

  @Option(names = "--http-host", defaultValue = "0.0.0.0", description = "Address of the HTTP endpoints (default: ${DEFAULT-VALUE}).")
  String httpHost;

  @Option(names = "--http-port", defaultValue = "8080", description = "Port of the HTTP endpoints (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--leader-election", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Take a Lease so that only one replica reconciles (default: ${DEFAULT-VALUE}).")
  boolean leaderElection;

  @Option(names = "--lease-namespace",
      description = "Namespace of the leader-election Lease (default: the operator's own namespace).")
  Optional<String> leaseNamespace;

  @Override
  public Integer call() throws InterruptedException {
    var client = new KubernetesClientBuilder().build();
    var settings = new ProgressiveOperator.Settings(namespaces, leaseNamespace, leaderElection);
    RunningOperator.start(client, settings, httpHost, httpPort).runUntilShutdown(client);
    return 0;
  }
}

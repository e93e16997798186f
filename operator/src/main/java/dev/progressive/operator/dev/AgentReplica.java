package dev.progressive.operator.dev;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** One replica of a Deployment, running as a local process. */
final class AgentReplica {
  /** SIGTERM lets the agent drain, as in a pod; after this it is killed. */
  private static final Duration GRACE = Duration.ofSeconds(10);

  final String namespace;
  final String deployment;
  final String pod;
  final String templateHash;
  final int port;
  final Process process;
  /** Where its template's readiness probe asks; none when the template has no HTTP readiness probe. */
  final Optional<URI> readiness;
  // Set on the HTTP client's threads, where a probe answers.
  volatile boolean ready;

  AgentReplica(String namespace, String deployment, String pod, String templateHash, int port, Process process,
      Optional<String> readinessPath) {
    this.namespace = namespace;
    this.deployment = deployment;
    this.pod = pod;
    this.templateHash = templateHash;
    this.port = port;
    this.process = process;
    this.readiness = readinessPath.map(uri()::resolve);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  void stop() {
    ChildProcesses.stop(process, GRACE);
  }

  LocalAgentProcesses.Replica view() {
    return new LocalAgentProcesses.Replica(namespace, deployment, pod, uri(), process.pid(), ready);
  }
}

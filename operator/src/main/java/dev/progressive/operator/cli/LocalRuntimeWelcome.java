package dev.progressive.operator.cli;

import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.dev.LocalAgentProcesses;
import dev.progressive.operator.dev.LocalAlertRules;
import dev.progressive.operator.dev.LocalMonitoring;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/** What `dev --with-runtime [--with-prometheus]` starts once the agents run, and how to use it. */
final class LocalRuntimeWelcome {
  private static final Duration STARTUP = Duration.ofMinutes(3);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final String NAMESPACE = DevCommand.SAMPLES_NAMESPACE;

  private LocalRuntimeWelcome() {}

  /**
   * Waits for the agents to be ready (Prometheus started earlier would alert on their start-up), starts
   * Prometheus and Alertmanager when asked, and prints where everything listens. Answers the monitoring
   * to close at the end, when it was asked for.
   */
  static Optional<LocalMonitoring> start(PrintWriter out, KubernetesClient client, LocalAgentProcesses processes,
      Optional<URI> prometheus, URI webhook, Path tokenFile) {
    out.printf("Starting the agents as local processes (logs in %s)...%n", processes.logDirectory());
    out.flush();
    if (!agentsReady(client, Instant.now().plus(STARTUP))) {
      out.printf("Not every agent is Ready after %ds; see the logs.%n", STARTUP.toSeconds());
    }
    var monitoring = prometheus
        .map(url -> LocalMonitoring.start(client, processes.services(), url, webhook, tokenFile, tokenFile.resolveSibling("monitoring"), ProgressiveOperator.generatedRules()));
    printAgents(out, processes);
    monitoring.ifPresent(m -> printMonitoring(out, m));
    printFaultExample(out, processes);
    return monitoring;
  }

  private static void printMonitoring(PrintWriter out, LocalMonitoring monitoring) {
    out.printf("""

        Prometheus:    %s/alerts  (scrapes every pod each second; the operator's rules, evaluated each second)
        Alertmanager:  %s  (its remediation receiver is the operator's webhook)
        NPAMealPlanGenerationFailure and WPAWorkoutRecommendationFailure count failures over %s here, not 10m.
        """, monitoring.prometheus(), monitoring.alertmanager(), LocalAlertRules.FAILURE_WINDOW);
  }

  private static boolean agentsReady(KubernetesClient client, Instant deadline) {
    while (Instant.now().isBefore(deadline)) {
      var agents = client.resources(ProgressiveAgent.class).inAnyNamespace().list().getItems();
      if (agents.stream().allMatch(a -> a.getStatus() != null && Conditions.isTrue(a.getStatus().getConditions(), Conditions.READY))) {
        return true;
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
    return false;
  }

  private static void printAgents(PrintWriter out, LocalAgentProcesses processes) {
    out.printf("%nAgents (each replica a process on 127.0.0.1 with fault injection on):%n");
    processes.replicas().forEach(r -> out.printf("  %-32s %s   pid %d%s%n", r.pod(), r.uri(), r.pid(), r.ready() ? "" : "  (not ready)"));
  }

  private static void printFaultExample(PrintWriter out, LocalAgentProcesses processes) {
    var npa = processes.replicas(NAMESPACE, "npa");
    if (npa.isEmpty()) {
      return;
    }
    var ports = npa.stream().map(r -> String.valueOf(r.uri().getPort())).collect(Collectors.joining(" "));
    out.printf("""

        Make half of NPA's meal plans fail, ask for some, and watch the incident:
          for port in %1$s; do curl -sS -XPUT 127.0.0.1:$port/admin/faults -d '{"errorRatio": 0.5}'; done
          for i in $(seq 40); do curl -s -o /dev/null -w '%%{http_code} ' -XPOST -H 'Content-Type: application/json' \\
            -d '{"calorieTarget": 2000}' 127.0.0.1:%2$d/api/v1/meal-plans; done
          kubectl get incidents,deployments,pods -n %3$s
        Remove the fault:
          for port in %1$s; do curl -sS -XDELETE 127.0.0.1:$port/admin/faults; done

        """, ports, npa.get(0).uri().getPort(), NAMESPACE);
  }
}

package dev.progressive.operator.remediation;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepRecord;
import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Collects what a responder looks at first, as the seed's incident script did: pod log tails,
 * events, pod and Deployment status and, when a Prometheus URL is configured, the seed's queries.
 */
final class DiagnosticsAction implements Action {
  static final List<String> QUERIES = List.of(
      "up",
      "sum by (namespace, agent_type) (rate(agent_requests_total[5m]))",
      "sum by (namespace, agent_type) (rate(agent_requests_total{status_code=~\"5..\"}[5m]))");
  private static final int LOG_LINES = 200;
  private static final int MAX_PODS = 5;
  private static final int MAX_EVENTS = 50;

  private final Optional<URI> prometheus;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  DiagnosticsAction(Optional<URI> prometheus) {
    this.prometheus = prometheus;
  }

  @Override
  public StepOutcome run(IncidentRun run, Step step, StepRecord record) {
    var agents = step.getAgentTypes().isEmpty() && run.target().isEmpty() ? run.agents() : run.targets(step);
    var entries = new LinkedHashMap<String, String>();
    entries.put("alert.txt", alert(run.incident()));
    for (var agent : agents) {
      collect(run, agent, entries);
    }
    entries.put("events.txt", events(run));
    prometheus.ifPresent(uri -> entries.put("prometheus.txt", queries(uri)));
    var report = DiagnosticsReport.desired(run.incident(), entries);
    run.client().resource(report).createOr(NonDeletingOperation::update);
    run.status().setDiagnostics(report.getMetadata().getName());
    return StepOutcome.succeeded("stored " + entries.size() + " entries in ConfigMap " + report.getMetadata().getName());
  }

  @Override
  public String describe(IncidentRun run, Step step) {
    return "would collect logs, events, status" + (prometheus.isPresent() ? " and Prometheus queries" : "")
        + " into ConfigMap " + DiagnosticsReport.name(run.incident());
  }

  private static String alert(Incident incident) {
    var spec = incident.getSpec();
    return "alert: " + spec.getAlertName() + "\nseverity: " + spec.getSeverity() + "\nstartsAt: " + spec.getStartsAt()
        + "\nlabels: " + spec.getLabels() + "\nannotations: " + spec.getAnnotations() + "\n";
  }

  private void collect(IncidentRun run, ProgressiveAgent agent, Map<String, String> entries) {
    var name = agent.getMetadata().getName();
    var deployment = run.client().apps().deployments().inNamespace(run.namespace()).withName(name).get();
    entries.put(name + "-deployment.txt", deployment == null ? "no Deployment\n"
        : "spec.replicas: " + deployment.getSpec().getReplicas() + "\nstatus: " + deployment.getStatus() + "\n");
    var pods = run.client().pods().inNamespace(run.namespace()).withLabel(Labels.INSTANCE, name).list().getItems();
    entries.put(name + "-pods.txt", pods.stream().map(DiagnosticsAction::podLine).collect(Collectors.joining("\n", "", "\n")));
    pods.stream().limit(MAX_PODS).forEach(pod -> entries.put("logs-" + pod.getMetadata().getName() + ".txt", logTail(run, pod)));
  }

  private static String podLine(Pod pod) {
    var status = pod.getStatus();
    return pod.getMetadata().getName() + " phase=" + (status == null ? "?" : status.getPhase())
        + " labels=" + pod.getMetadata().getLabels()
        + " conditions=" + (status == null ? "[]" : status.getConditions().stream()
            .map(c -> c.getType() + "=" + c.getStatus()).toList());
  }

  private static String logTail(IncidentRun run, Pod pod) {
    try {
      return run.client().pods().resource(pod).tailingLines(LOG_LINES).getLog();
    } catch (KubernetesClientException e) {
      return "log unavailable: " + e.getCode() + " " + e.getStatus().getMessage() + "\n";
    }
  }

  private static String events(IncidentRun run) {
    return run.client().v1().events().inNamespace(run.namespace()).list().getItems().stream()
        .sorted(Comparator.comparing((Event e) -> Optional.ofNullable(e.getLastTimestamp()).orElse("")).reversed())
        .limit(MAX_EVENTS)
        .map(e -> e.getLastTimestamp() + " " + e.getType() + " " + e.getReason() + " "
            + e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName() + ": " + e.getMessage())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private String queries(URI prometheusUrl) {
    var out = new StringBuilder();
    for (var query : QUERIES) {
      var uri = prometheusUrl.resolve("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
      out.append("# ").append(query).append('\n');
      try {
        var response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        out.append(response.body()).append('\n');
      } catch (java.io.IOException e) {
        out.append("query failed: ").append(e).append('\n');
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        out.append("interrupted\n");
        break;
      }
    }
    return out.toString();
  }
}

package dev.progressive.operator.e2e;

import static dev.progressive.operator.e2e.EndToEndEnvironment.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentStatus;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.StepRecord;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.dev.ChildProcesses;
import dev.progressive.operator.dev.LocalAgentProcesses.Replica;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing faked but the Kubernetes API: a fault injected into the NPA processes makes real meal-plan
 * requests fail; Prometheus scrapes the failures and fires NPAMealPlanGenerationFailure; Alertmanager
 * calls the operator's webhook; the Incident runs the agent-degraded playbook, which scales NPA to 3
 * (a third process starts) and opens its breaker (through the ConfigMap file the agents read live).
 * Once the fault is gone and the callers stopped, the alert resolves, the Incident is Resolved and the
 * mitigations are reverted (the third process stops, the breakers close).
 */
class IncidentEndToEndTest {
  private static final String ALERT = "NPAMealPlanGenerationFailure";
  private static final Path WORK = Path.of("target", "e2e-incident");

  static EndToEndEnvironment environment;
  static PrometheusQueries prometheus;
  static SharedIndexInformer<Incident> incidents;
  static final Map<String, List<IncidentPhase>> phasesSeen = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws IOException {
    deleteRecursively(WORK);
    environment = new EndToEndEnvironment(Files.createDirectories(WORK));
    prometheus = new PrometheusQueries(environment.monitoring.prometheus());
    incidents = environment.client.resources(Incident.class).inNamespace(NAMESPACE).inform(new PhaseRecorder(), 0);
    await("Prometheus scrapes all nine agent processes").atMost(Duration.ofSeconds(60))
        .until(() -> prometheus.query("up == 1").size() == 9);
  }

  @AfterAll
  static void stop() {
    if (incidents != null) {
      incidents.close();
    }
    if (environment != null) {
      environment.close();
    }
    assertThat(ChildProcesses.running()).as("processes still running after the test").isZero();
  }

  /** As `dev --with-prometheus` wires it: the operator reads the local Prometheus (at its default pace). */
  @Test
  void everySampleAgentIsScrapedAndItsRulesLoadedAsPrometheusReports() {
    await("every agent Scraped and RulesLoaded").atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
      for (var agent : environment.client.resources(ProgressiveAgent.class).inNamespace(NAMESPACE).list().getItems()) {
        var status = agent.getStatus();
        var name = agent.getMetadata().getName();
        assertThat(Conditions.find(status.getConditions(), ProgressiveAgentStatus.SCRAPED)).as(name)
            .hasValueSatisfying(c -> assertThat(c.getReason()).as(name + ": " + c.getMessage()).isEqualTo("AllTargetsUp"));
        assertThat(Conditions.find(status.getConditions(), ProgressiveAgentStatus.RULES_LOADED)).as(name)
            .hasValueSatisfying(c -> assertThat(c.getReason()).as(name + ": " + c.getMessage()).isEqualTo("AllRulesHealthy"));
        assertThat(status.getMonitoring().getScraped()).as(name).isEqualTo(agent.getSpec().getReplicas() + "/" + agent.getSpec().getReplicas());
      }
    });
  }

  @Test
  void anNpaFaultFiresTheRealAlertAndTheOperatorScalesAndOpensTheBreakerThenRevertsOnceResolved() throws Exception {
    var before = npaReplicas();
    assertThat(before).hasSize(2);

    var injectedAt = Instant.now();
    before.forEach(r -> AgentCalls.injectFault(r.uri(), "{\"errorRatio\": 0.5}"));
    Incident incident;
    Instant breakerSeenOpen;
    Instant thirdReady;
    try (var traffic = new MealPlanTraffic(before.stream().map(Replica::uri).toList())) {
      await("Prometheus fires " + ALERT).atMost(Duration.ofSeconds(60))
          .until(() -> !prometheus.query("ALERTS{alertname=\"" + ALERT + "\",alertstate=\"firing\"}").isEmpty());
      incident = await("the Incident of " + ALERT).atMost(Duration.ofSeconds(30)).until(this::theIncident, Objects::nonNull);

      breakerSeenOpen = await("the breaker open in the NPA processes' metrics").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> before.stream().allMatch(r -> AgentCalls.inboundBreakerState(r.uri()) == 1.0) ? Instant.now() : null,
              Objects::nonNull);
      thirdReady = await("NPA scaled to 3 running, ready processes").atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> deploymentReplicas("npa") == 3 && npaReplicas().size() == 3
              && npaReplicas().stream().allMatch(Replica::ready) ? Instant.now() : null, Objects::nonNull);
      assertThat(npaReplicas()).allMatch(r -> AgentCalls.inboundBreakerState(r.uri()) == 1.0, "breaker open");
      assertThat(traffic.count(500)).as("%s", traffic).isPositive();
    }
    var during = npaReplicas();
    var added = during.stream().filter(r -> before.stream().noneMatch(b -> b.pid() == r.pid())).toList();
    assertThat(added).as("the process started for the third replica").hasSize(1);
    assertThat(ProcessHandle.of(added.get(0).pid())).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
    assertThat(current(incident).getStatus().getMitigations()).extracting(Mitigation::getType)
        .contains(Mitigation.Type.scale, Mitigation.Type.circuitBreaker);
    printTimes(injectedAt, current(incident), breakerSeenOpen, thirdReady);

    during.forEach(r -> AgentCalls.removeFault(r.uri()));

    await("Prometheus resolves " + ALERT).atMost(Duration.ofSeconds(90))
        .until(() -> prometheus.query("ALERTS{alertname=\"" + ALERT + "\"}").isEmpty());
    await("the Incident Resolved").atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
      var now = current(incident);
      assertThat(now.getSpec().getResolvedAt()).as("resolvedAt, from Alertmanager's resolved notification").isNotNull();
      assertThat(now.getStatus().getPhase()).as(() -> describe(now)).isEqualTo(IncidentPhase.Resolved);
    });
    await("the mitigations reverted").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(current(incident).getStatus().getMitigations()).allMatch(m -> !m.isActive());
      assertThat(deploymentReplicas("npa")).isEqualTo(2);
      assertThat(npaReplicas()).hasSize(2);
      assertThat(ProcessHandle.of(added.get(0).pid()).filter(ProcessHandle::isAlive)).as("the third process").isEmpty();
      assertThat(npaReplicas()).allMatch(r -> AgentCalls.inboundBreakerState(r.uri()) == 0.0);
    });

    assertThat(phasesSeen.get(incident.getMetadata().getName()))
        .containsSubsequence(IncidentPhase.Mitigating, IncidentPhase.Verifying, IncidentPhase.Resolved)
        .doesNotContain(IncidentPhase.Escalated, IncidentPhase.Suppressed);
    assertThat(current(incident).getStatus().getSteps()).filteredOn(s -> s.getOutcome() == StepRecord.Outcome.Succeeded)
        .extracting(StepRecord::getAction)
        .contains(StepAction.SCALE, StepAction.CIRCUIT_BREAKER, StepAction.DIAGNOSTICS, StepAction.VERIFY)
        .doesNotContain(StepAction.ESCALATE);
    var diagnostics = environment.client.configMaps().inNamespace(incident.getMetadata().getNamespace())
        .withName(current(incident).getStatus().getDiagnostics()).get().getData();
    assertThat(diagnostics.get("prometheus.txt")).as("the seed's queries, answered by the real Prometheus")
        .contains("# up").contains("\"status\":\"success\"").contains("\"job\":\"npa\"");
    assertThat(npaReplicas()).allSatisfy(r -> assertThat(AgentCalls.mealPlan(r.uri())).as("a meal plan from %s", r.pod()).isEqualTo(200));
  }

  private Incident theIncident() {
    return environment.client.resources(Incident.class).inNamespace(NAMESPACE).list().getItems().stream()
        .filter(i -> ALERT.equals(i.getSpec().getAlertName()))
        .findFirst().orElse(null);
  }

  private static Incident current(Incident incident) {
    return environment.client.resources(Incident.class).inNamespace(NAMESPACE).withName(incident.getMetadata().getName()).get();
  }

  private static List<Replica> npaReplicas() {
    return environment.processes.replicas(NAMESPACE, "npa");
  }

  private static int deploymentReplicas(String name) {
    return environment.client.apps().deployments().inNamespace(NAMESPACE).withName(name).get().getSpec().getReplicas();
  }

  private static String describe(Incident incident) {
    var status = incident.getStatus();
    return status == null ? "no status" : status.getPhase() + " " + status.getReason() + ": " + status.getMessage()
        + " steps=" + status.getSteps().stream().map(s -> s.getAction() + ":" + s.getOutcome() + ":" + s.getMessage()).toList();
  }

  /** From the fault to the mitigation, as each party recorded it. */
  private static void printTimes(Instant injectedAt, Incident incident, Instant breakerSeenOpen, Instant thirdReady) {
    var conditionTrue = prometheus.activeSince(ALERT).orElseThrow();
    var scaled = incident.getStatus().getMitigations().stream()
        .filter(m -> m.getType() == Mitigation.Type.scale).map(m -> Instant.parse(m.getSince())).findFirst().orElseThrow();
    var breaker = incident.getStatus().getMitigations().stream()
        .filter(m -> m.getType() == Mitigation.Type.circuitBreaker).map(m -> Instant.parse(m.getSince())).findFirst().orElseThrow();
    System.out.printf("""
        End to end, from the fault injected at %s:
          %6.2fs  alert condition true (Prometheus activeAt of %s)
          %6.2fs  playbook run started on the Incident
          %6.2fs  scale mitigation recorded on the Incident
          %6.2fs  circuit-breaker mitigation recorded on the Incident
          %6.2fs  breaker open in the NPA processes' /metrics (polled every 0.2s)
          %6.2fs  third NPA process started and ready (a JVM start on a shared machine)
        alert condition true -> mitigation applied: %.2fs (scale and breaker recorded), %.2fs (breaker open in the agents)
        %n""", injectedAt,
        seconds(injectedAt, conditionTrue), ALERT,
        seconds(injectedAt, Instant.parse(incident.getStatus().getStartedAt())),
        seconds(injectedAt, scaled), seconds(injectedAt, breaker), seconds(injectedAt, breakerSeenOpen),
        seconds(injectedAt, thirdReady), seconds(conditionTrue, breaker), seconds(conditionTrue, breakerSeenOpen));
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  static void deleteRecursively(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (var paths = Files.walk(directory)) {
        for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /** Every phase each Incident went through, in order, as the API's watch reported them. */
  private static final class PhaseRecorder implements ResourceEventHandler<Incident> {
    @Override
    public void onAdd(Incident incident) {
      record(incident);
    }

    @Override
    public void onUpdate(Incident before, Incident incident) {
      record(incident);
    }

    @Override
    public void onDelete(Incident incident, boolean finalStateUnknown) {
      // Phases were recorded while it existed.
    }

    private static void record(Incident incident) {
      if (incident.getStatus() == null || incident.getStatus().getPhase() == null) {
        return;
      }
      var phases = phasesSeen.computeIfAbsent(incident.getMetadata().getName(), name -> new CopyOnWriteArrayList<>());
      if (phases.isEmpty() || phases.get(phases.size() - 1) != incident.getStatus().getPhase()) {
        phases.add(incident.getStatus().getPhase());
      }
    }
  }
}

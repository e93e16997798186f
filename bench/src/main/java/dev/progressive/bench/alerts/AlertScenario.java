package dev.progressive.bench.alerts;

import dev.progressive.bench.BenchAgents;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.PlaybookSpec;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.RemediationPlaybook;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.StepRecord;
import dev.progressive.operator.api.Trigger;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One namespace of Ready agents (copies of the NPA sample: 2 replicas, at most 5) and a playbook that
 * scales the alert's agent to 3, opens its circuit breaker and notifies, for one alert name.
 */
final class AlertScenario {
  static final int SCALED_REPLICAS = 3;
  static final List<StepAction> STEPS = List.of(StepAction.SCALE, StepAction.CIRCUIT_BREAKER, StepAction.NOTIFY);

  final String namespace;
  final String alertName;
  final int agents;
  private final KubernetesClient client;

  AlertScenario(KubernetesClient client, String namespace, String alertName, int agents) {
    this.client = client;
    this.namespace = namespace;
    this.alertName = alertName;
    this.agents = agents;
  }

  AlertScenario create() {
    client.resource(playbook()).create();
    for (int i = 0; i < agents; i++) {
      client.resource(BenchAgents.agent(namespace, i)).create();
    }
    return this;
  }

  void awaitReady(Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (readyAgents() < agents) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(readyAgents() + " of " + agents + " agents Ready in " + namespace);
      }
      Thread.sleep(200);
    }
  }

  private long readyAgents() {
    return client.resources(ProgressiveAgent.class).inNamespace(namespace).list().getItems().stream()
        .filter(a -> a.getStatus() != null && Conditions.isTrue(a.getStatus().getConditions(), Conditions.READY))
        .count();
  }

  WebhookBodies.Alert alert(int agent) {
    return WebhookBodies.firing(alertName, namespace, BenchAgents.name(agent));
  }

  List<Incident> incidents() {
    return client.resources(Incident.class).inNamespace(namespace).list().getItems();
  }

  /** Waits until every Incident has left Detected (acting or suppressed), or the patience runs out. */
  List<Incident> awaitDecided(Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    List<Incident> incidents = incidents();
    while (!incidents.stream().allMatch(AlertScenario::decided) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      incidents = incidents();
    }
    return incidents.stream().filter(AlertScenario::decided).toList();
  }

  private static boolean decided(Incident incident) {
    return incident.getStatus() != null && incident.getStatus().getPhase() != null
        && incident.getStatus().getPhase() != IncidentPhase.Detected;
  }

  /** Waits until every Incident has recorded each step as finished, or the patience runs out. */
  List<Incident> awaitStepsFinished(Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    List<Incident> incidents = incidents();
    while (!incidents.stream().allMatch(AlertScenario::stepsFinished) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      incidents = incidents();
    }
    return incidents;
  }

  /** Waits until the Incidents so far have recorded each step as finished: the last alert's work is done. */
  void awaitQuiet(Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!incidents().stream().allMatch(AlertScenario::stepsFinished) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  private static boolean stepsFinished(Incident incident) {
    return incident.getStatus() != null && incident.getStatus().getSteps().size() >= STEPS.size()
        && incident.getStatus().getSteps().stream().noneMatch(s -> s.getOutcome() == StepRecord.Outcome.Running);
  }

  private RemediationPlaybook playbook() {
    var spec = new PlaybookSpec();
    spec.setTrigger(new Trigger(List.of(alertName), Map.of()));
    var scale = new Step(StepAction.SCALE);
    scale.setReplicas(SCALED_REPLICAS);
    var notify = new Step(StepAction.NOTIFY);
    notify.setMessage("benchmark alert handled");
    spec.setSteps(List.of(scale, new Step(StepAction.CIRCUIT_BREAKER), notify));
    // Every alert names an agent of its own; these only keep the guardrails out of the measurement.
    spec.getGuardrails().setCooldown("0s");
    spec.getGuardrails().setMaxRunsPerHour(60);
    var playbook = new RemediationPlaybook();
    playbook.setMetadata(new ObjectMetaBuilder().withName("bench-" + namespace).withNamespace(namespace).build());
    playbook.setSpec(spec);
    return playbook;
  }
}

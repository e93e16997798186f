package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.OperatorHarness;
import dev.progressive.operator.api.Guardrails;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.PlaybookSpec;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.RemediationPlaybook;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.StepRecord;
import dev.progressive.operator.api.Trigger;
import dev.progressive.operator.cli.Manifests;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Samples and the default playbooks in a namespace of their own, and alerts as the intake stores them. */
final class RemediationFixture {
  static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
  static final Duration PATIENCE = Duration.ofSeconds(30);

  private final OperatorHarness harness;
  private static final String STARTS_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  private final KubernetesClient client;
  private final AlertmanagerSender alertmanager;
  final String namespace;

  RemediationFixture(OperatorHarness harness, AlertmanagerSender alertmanager, String namespace) {
    this.harness = harness;
    this.client = harness.client();
    this.alertmanager = alertmanager;
    this.namespace = namespace;
  }

  /** The five sample agents, Ready, and the default playbooks with short waits. */
  RemediationFixture withSamplesAndPlaybooks(Consumer<PlaybookSpec> tweak) throws IOException {
    for (var document : Manifests.read(ROOT.resolve("samples"))) {
      if ("ProgressiveAgent".equals(document.kind())) {
        var agent = Manifests.convert(document, ProgressiveAgent.class);
        agent.getMetadata().setNamespace(namespace);
        client.resource(agent).create();
      }
    }
    for (var document : Manifests.read(ROOT.resolve("incident-playbooks"))) {
      var playbook = Manifests.convert(document, RemediationPlaybook.class);
      playbook.getMetadata().setNamespace(namespace);
      playbook.getSpec().getSteps().stream().filter(s -> s.getAction() == StepAction.VERIFY).forEach(s -> {
        s.setAfter("1s");
        s.setTimeout("2s");
      });
      playbook.getSpec().getGuardrails().setRevertAfter("1s");
      tweak.accept(playbook.getSpec());
      client.resource(playbook).create();
    }
    await().atMost(PATIENCE).until(() -> client.resources(ProgressiveAgent.class).inNamespace(namespace).list().getItems()
        .stream().filter(a -> a.getStatus() != null && Conditions.isTrue(a.getStatus().getConditions(), Conditions.READY))
        .count() == 5);
    return this;
  }

  /**
   * A playbook of its own for one alert, which no default playbook names, with the steps and the guardrails
   * as tweaked; answers once the operator has taken it up (Ready).
   */
  void playbook(String name, String alertName, List<Step> steps, Consumer<Guardrails> tweak) {
    var playbook = new RemediationPlaybook();
    playbook.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    var spec = new PlaybookSpec();
    spec.setTrigger(new Trigger(List.of(alertName), Map.of()));
    spec.setSteps(steps);
    spec.setGuardrails(new Guardrails());
    tweak.accept(spec.getGuardrails());
    playbook.setSpec(spec);
    client.resource(playbook).create();
    await().atMost(PATIENCE).until(() -> {
      var status = client.resource(playbook).get().getStatus();
      return status != null && Conditions.isTrue(status.conditions(), Conditions.READY);
    });
  }

  /** Sets the Incident's approval annotation, as {@code kubectl annotate --overwrite} does. */
  void decide(Incident incident, String value) {
    client.resources(Incident.class).inNamespace(namespace).withName(incident.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\"" + ApprovalPolicy.ANNOTATION + "\":\"" + value + "\"}}}");
  }

  /** Waits until the Incident awaits approval of its step {@code index}, and answers that step's record. */
  StepRecord awaitApprovalRequest(Incident incident, int index) {
    await().atMost(PATIENCE).untilAsserted(() -> {
      var status = incident(incident).getStatus();
      assertThat(status.getPhase()).as(() -> describe(incident)).isEqualTo(IncidentPhase.AwaitingApproval);
      assertThat(status.getSteps()).hasSizeGreaterThan(index);
      assertThat(status.getSteps().get(index).getApproval()).isEqualTo(StepRecord.Approval.pending);
    });
    return record(incident, index);
  }

  /** Approves step {@code index} of the Incident once it asks, as a person would. */
  void approve(Incident incident, int index) {
    awaitApprovalRequest(incident, index);
    decide(incident, ApprovalPolicy.APPROVED);
  }

  /** Approves the step the Incident waits on, if it waits: for runs that may or may not meet a storm. */
  void approveIfAsked(Incident incident) {
    var current = incident(incident);
    var annotations = current.getMetadata().getAnnotations();
    if (current.getStatus() != null && current.getStatus().getPhase() == IncidentPhase.AwaitingApproval
        && (annotations == null || !annotations.containsKey(ApprovalPolicy.ANNOTATION))) {
      decide(incident, ApprovalPolicy.APPROVED);
    }
  }

  StepRecord record(Incident incident, int index) {
    return incident(incident).getStatus().getSteps().get(index);
  }

  /** Changes a playbook as a user's kubectl replace would, while Incidents may be running it. */
  void editPlaybook(String name, Consumer<PlaybookSpec> edit) {
    var playbook = client.resources(RemediationPlaybook.class).inNamespace(namespace).withName(name).get();
    edit.accept(playbook.getSpec());
    client.resource(playbook).update();
  }

  void deletePlaybook(String name) {
    client.resources(RemediationPlaybook.class).inNamespace(namespace).withName(name).delete();
  }

  /** Posts the alert to the operator's webhook, as Alertmanager does, and answers the Incident it stored. */
  Incident fire(String alertName, Map<String, String> labels) throws IOException, InterruptedException {
    var alert = alert(alertName, labels);
    assertThat(alertmanager.post(alertmanager.body("firing", alert, "0001-01-01T00:00:00Z"))).isEqualTo(200);
    return stored(alert);
  }

  AlertmanagerSender.Alert alert(String alertName, Map<String, String> labels) {
    var all = new HashMap<>(labels);
    all.put("alertname", alertName);
    all.put("namespace", namespace);
    return new AlertmanagerSender.Alert(all, STARTS_AT);
  }

  Incident stored(AlertmanagerSender.Alert alert) {
    var found = client.resources(Incident.class).inNamespace(namespace)
        .withLabel(Incident.FINGERPRINT_LABEL, alert.fingerprint()).list().getItems();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  /** Every Incident of the namespace, in one request. */
  List<Incident> incidents() {
    return client.resources(Incident.class).inNamespace(namespace).list().getItems();
  }

  /** Posts the alert's resolved notification. */
  void resolve(Incident incident) throws IOException, InterruptedException {
    var alert = new AlertmanagerSender.Alert(incident.getSpec().getLabels(), incident.getSpec().getStartsAt());
    assertThat(alertmanager.post(alertmanager.body("resolved", alert, Instant.now().toString()))).isEqualTo(200);
  }

  Incident incident(Incident incident) {
    return client.resources(Incident.class).inNamespace(namespace).withName(incident.getMetadata().getName()).get();
  }

  IncidentPhase phase(Incident incident) {
    var current = incident(incident);
    return current.getStatus() == null ? null : current.getStatus().getPhase();
  }

  void awaitPhase(Incident incident, IncidentPhase phase) {
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(phase(incident)).as(() -> describe(incident)).isEqualTo(phase));
  }

  String describe(Incident incident) {
    var current = incident(incident);
    return current.getStatus() == null ? "no status" : current.getStatus().getPhase() + " " + current.getStatus().getReason()
        + ": " + current.getStatus().getMessage() + " steps=" + current.getStatus().getSteps().stream()
            .map(s -> s.getAction() + ":" + s.getOutcome() + ":" + s.getMessage()).toList();
  }

  List<StepAction> stepsRun(Incident incident) {
    return incident(incident).getStatus().getSteps().stream()
        .filter(s -> s.getOutcome() != StepRecord.Outcome.Running).map(StepRecord::getAction).toList();
  }

  Deployment deployment(String agent) {
    return client.apps().deployments().inNamespace(namespace).withName(agent).get();
  }

  int replicas(String agent) {
    return deployment(agent).getSpec().getReplicas();
  }

  boolean breakerOpen(String agent) {
    ConfigMap config = client.configMaps().inNamespace(namespace).withName(agent + "-circuit-breaker").get();
    return config.getData().get("circuit-breaker.properties").lines().anyMatch("open=true"::equals);
  }

  /** Waits until the agent runs as its spec says: its Deployment and breaker carry no mitigation any more. */
  void awaitNoMitigation(String agent) {
    await().atMost(PATIENCE).untilAsserted(() -> {
      var current = client.resources(ProgressiveAgent.class).inNamespace(namespace).withName(agent).get();
      assertThat(replicas(agent)).as(agent + " replicas").isEqualTo(current.getSpec().getReplicas());
      assertThat(breakerOpen(agent)).as(agent + " breaker open").isFalse();
      assertThat(current.getStatus().getActiveMitigations()).as(agent + " active mitigations").isEmpty();
    });
  }

  List<String> eventReasons(String involvedName) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> involvedName.equals(e.getInvolvedObject().getName())).map(e -> e.getReason()).toList();
  }

  OperatorHarness harness() {
    return harness;
  }
}

package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.OperatorHarness;
import dev.progressive.operator.agent.ProgressiveAgent;
import dev.progressive.operator.cli.Manifests;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Samples and the default playbooks in a namespace of their own, and alerts as the intake stores them. */
final class RemediationFixture {
  static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
  static final Duration PATIENCE = Duration.ofSeconds(30);

  private final OperatorHarness harness;
  private final KubernetesClient client;
  final String namespace;

  RemediationFixture(OperatorHarness harness, String namespace) {
    this.harness = harness;
    this.client = harness.client();
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

  /** Stores an Incident the way the webhook intake does for a firing alert. */
  Incident fire(String alertName, Map<String, String> labels) {
    var labelsWithName = new HashMap<>(labels);
    labelsWithName.put("alertname", alertName);
    labelsWithName.put("namespace", namespace);
    var incident = new Incident();
    incident.getMetadata().setName(alertName.toLowerCase() + "-" + Integer.toHexString(labelsWithName.hashCode()));
    incident.getMetadata().setNamespace(namespace);
    var spec = new IncidentSpec();
    spec.setAlertName(alertName);
    spec.setFingerprint(Integer.toHexString(labelsWithName.hashCode()));
    spec.setSeverity(labels.getOrDefault("severity", "critical"));
    spec.setLabels(labelsWithName);
    spec.setStartsAt(Instant.now().toString());
    incident.setSpec(spec);
    return client.resource(incident).create();
  }

  /** Marks the alert resolved as the intake does: a merge patch, which races no status write. */
  void resolve(Incident incident) {
    client.resources(Incident.class).inNamespace(namespace).withName(incident.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"resolvedAt\":\"" + Instant.now() + "\"}}");
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

  List<String> eventReasons(String involvedName) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> involvedName.equals(e.getInvolvedObject().getName())).map(e -> e.getReason()).toList();
  }

  OperatorHarness harness() {
    return harness;
  }
}

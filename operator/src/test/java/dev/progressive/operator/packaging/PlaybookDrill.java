package dev.progressive.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.progressive.operator.SinkReceiver;
import dev.progressive.operator.cli.Manifests;
import dev.progressive.operator.intake.AlertIntake;
import dev.progressive.operator.monitoring.Heartbeat;
import dev.progressive.operator.intake.IntakeSettings;
import dev.progressive.operator.remediation.RemediationSettings;
import dev.progressive.operator.server.OperatorHttpServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs every default playbook once, as in production: the playbooks from incident-playbooks/ (with short
 * waits), one alert each about a different agent (a target's cooldown would suppress the others; the catch-all,
 * which acts on the MCA alone, shares the last one) posted to
 * the operator's webhook as Alertmanager sends it, one alert that names no namespace, and a heartbeat. Each agent has a
 * ready and an unready pod, for the quarantine to take the unready one out of traffic. Once every Incident has finished, the alerts
 * resolve, the mitigations are reverted and all but the newest Incident deleted. Each notify step posts to a
 * sink whose URL is in a Secret, as a team would set it up.
 */
final class PlaybookDrill {
  /** Keeps one finished Incident per namespace, so that the drill also sees the older ones deleted. */
  static final RemediationSettings SETTINGS = new RemediationSettings(false, Optional.empty(), 1, Duration.ofDays(7), false);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path PLAYBOOKS = ProjectTools.root().resolve("incident-playbooks");
  private static final Set<String> FINISHED = Set.of("Resolved", "Escalated", "Suppressed");
  private static final String TOKEN = "drill-token";
  private static final String APPROVAL = "progressive.dev/approval";
  private static final String SINK_SECRET = "drill-notify-sink";
  /** The sample agents' types, each the target of one alert. */
  private static final List<String> AGENTS = List.of("mca", "npa", "wpa", "bma", "rpa");

  private record Alert(Map<String, String> labels, String startsAt) {}

  private PlaybookDrill() {}

  /** operatorClient: the client the operator uses; own namespace: where alerts without a namespace go. */
  static void run(KubernetesClient admin, KubernetesClient operatorClient, Operator operator, String namespace,
      String ownNamespace, Path workDir) throws IOException, InterruptedException {
    var playbooks = installPlaybooks(admin, namespace);
    addPods(admin, namespace);
    var sink = new SinkReceiver();
    admin.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(SINK_SECRET).endMetadata()
        .addToStringData("url", sink.url()).build()).create();
    var token = Files.writeString(workDir.resolve("webhook-token"), TOKEN);
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var intake = AlertIntake.create(operatorClient, registry,
        new IntakeSettings(Optional.of(token), ownNamespace, IntakeSettings.DEFAULT_BODY_LIMIT_BYTES));
    var http = OperatorHttpServer.start("127.0.0.1", 0, operator, registry, intake);
    try {
      var webhook = URI.create("http://127.0.0.1:" + http.port() + AlertIntake.PATH);
      var alerts = new ArrayList<Alert>();
      for (int i = 0; i < playbooks.size(); i++) {
        // The last ones share the last agent: the catch-all acts on the MCA whatever its alert is about.
        alerts.add(new Alert(labels(playbooks.get(i), namespace, AGENTS.get(Math.min(i, AGENTS.size() - 1))),
            Instant.now().toString()));
      }
      alerts.add(new Alert(Map.of("alertname", "PostgreSQLDown", "severity", "critical"), Instant.now().toString()));
      leaveStaleClaim(admin, namespace, AGENTS.get(0));
      // One run at a time: each claims the agents it acts on, and a fleet-wide one would find them busy.
      for (int i = 0; i < alerts.size(); i++) {
        post(webhook, alerts.get(i), "firing");
        int posted = Math.min(i + 1, playbooks.size());
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
          approveWhatAsks(admin, namespace);
          assertThat(incidents(admin, namespace)).hasSize(posted).allSatisfy(PlaybookDrill::assertFinished);
        });
      }
      // The operator's heartbeat, which the intake records on the namespace's stack.
      post(webhook, new Alert(Map.of("alertname", Heartbeat.ALERT, "namespace", namespace, "severity", "none"),
          Instant.now().toString()), "firing");
      for (var alert : alerts) {
        post(webhook, alert, "resolved");
      }
      await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
          assertThat(incidents(admin, namespace)).hasSize(SETTINGS.keepResolved()).allSatisfy(PlaybookDrill::assertFinished));
      assertThat(sink.received()).as("notifications the sink received").isNotEmpty();
    } finally {
      http.close();
      sink.close();
    }
  }

  /** A claim whose holder is gone, as a crash would leave it: the first run on that agent takes it over. */
  private static void leaveStaleClaim(KubernetesClient admin, String namespace, String agent) {
    admin.leases().inNamespace(namespace).resource(new LeaseBuilder()
        .withNewMetadata().withName("progressive-claim-" + agent).endMetadata()
        .withNewSpec().withHolderIdentity("an-incident-long-gone").withLeaseDurationSeconds(3600)
        .withAcquireTime(ZonedDateTime.now(ZoneOffset.UTC)).endSpec()
        .build()).create();
  }

  /**
   * The fleet-wide steps (more agents than maxTargets) wait for a person: approve them as one would, with
   * the annotation, which the operator then removes.
   */
  private static void approveWhatAsks(KubernetesClient admin, String namespace) {
    for (var incident : incidents(admin, namespace)) {
      var status = (Map<?, ?>) incident.getAdditionalProperties().get("status");
      var annotations = incident.getMetadata().getAnnotations();
      if (status != null && "AwaitingApproval".equals(status.get("phase"))
          && (annotations == null || !annotations.containsKey(APPROVAL))) {
        admin.genericKubernetesResources("progressive.dev/v1alpha1", "Incident").inNamespace(namespace)
            .withName(incident.getMetadata().getName())
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"annotations\":{\"" + APPROVAL + "\":\"approved\"}}}");
      }
    }
  }

  private static List<GenericKubernetesResource> incidents(KubernetesClient admin, String namespace) {
    return admin.genericKubernetesResources("progressive.dev/v1alpha1", "Incident").inNamespace(namespace).list().getItems();
  }

  /** The default playbooks in the namespace, waiting seconds instead of minutes before verifying and reverting. */
  private static List<JsonNode> installPlaybooks(KubernetesClient admin, String namespace) throws IOException {
    var playbooks = Manifests.read(PLAYBOOKS).stream().filter(d -> d.kind().equals("RemediationPlaybook"))
        .map(d -> (JsonNode) d.body().deepCopy()).toList();
    for (var playbook : playbooks) {
      ((ObjectNode) playbook.path("metadata")).put("namespace", namespace);
      playbook.path("spec").path("steps").forEach(step -> {
        if (step.path("action").asText().equals("notify")) {
          ((ObjectNode) step).putObject("sink").put("secretName", SINK_SECRET);
        }
        if (step.path("action").asText().equals("verify")) {
          ((ObjectNode) step).put("after", "1s").put("timeout", "2s");
        }
      });
      ((ObjectNode) playbook.path("spec").path("guardrails")).put("revertAfter", "1s");
      admin.resource(JSON.convertValue(playbook, GenericKubernetesResource.class)).create();
    }
    return playbooks;
  }

  /**
   * Two pods per agent Deployment, as its ReplicaSet would create them: one ready, one that never became
   * ready, which the quarantine takes out of traffic as the ready one holds the availability floor.
   */
  private static void addPods(KubernetesClient admin, String namespace) {
    for (var deployment : admin.apps().deployments().inNamespace(namespace).list().getItems()) {
      admin.resource(pod(deployment, "ready", true)).create();
      admin.resource(pod(deployment, "unready", false)).create();
    }
  }

  private static Pod pod(Deployment deployment, String suffix, boolean ready) {
    var template = deployment.getSpec().getTemplate();
    return new PodBuilder()
        .withNewMetadataLike(template.getMetadata())
          .withName(deployment.getMetadata().getName() + "-" + suffix).withNamespace(deployment.getMetadata().getNamespace())
        .endMetadata()
        .withSpec(template.getSpec())
        .withNewStatus().withPhase("Running")
          .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
        .endStatus()
        .build();
  }

  /** An alert the playbook's trigger matches (any name for a catch-all) about the agent. */
  private static Map<String, String> labels(JsonNode playbook, String namespace, String agent) {
    var names = playbook.at("/spec/trigger/alertNames");
    return Map.of("alertname", names.isEmpty() ? "DrillUnmatchedAlert" : names.get(0).asText(),
        "namespace", namespace, "service", agent, "severity", "critical");
  }

  private static void post(URI webhook, Alert alert, String status) throws IOException, InterruptedException {
    var endsAt = status.equals("resolved") ? Instant.now().toString() : "0001-01-01T00:00:00Z";
    var item = Map.of("status", status, "labels", alert.labels(), "annotations", Map.of(), "startsAt", alert.startsAt(),
        "endsAt", endsAt, "fingerprint", fingerprint(alert.labels()));
    var body = Map.of("version", "4", "status", status, "receiver", "progressive-operator", "alerts", List.of(item),
        "groupLabels", Map.of(), "commonLabels", alert.labels(), "commonAnnotations", Map.of(),
        "externalURL", "http://127.0.0.1:9093", "groupKey", "{}:{}");
    var request = HttpRequest.newBuilder(webhook).header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    try (var http = HttpClient.newHttpClient()) {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("webhook answer: %s", response.body()).isEqualTo(200);
    }
  }

  /** Alertmanager's form: 16 lower-case hex digits, the same for the same labels. */
  private static String fingerprint(Map<String, String> labels) {
    return "%016x".formatted(new TreeMap<>(labels).toString().hashCode() & 0xffffffffL);
  }

  private static void assertFinished(GenericKubernetesResource incident) {
    var status = (Map<?, ?>) incident.getAdditionalProperties().get("status");
    assertThat(status).as("status of Incident %s", incident.getMetadata().getName()).isNotNull();
    assertThat(FINISHED).as("phase of Incident %s", incident.getMetadata().getName()).contains((String) status.get("phase"));
  }
}

package dev.progressive.operator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.progressive.operator.Crds;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.dev.DevCluster;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The create and patch logic on its own, against the embedded API. */
class IncidentWriterTest {
  private static final Instant NOW = Instant.parse("2026-11-28T19:00:00Z");
  private static DevCluster cluster;
  private static IncidentWriter writer;

  @BeforeAll
  static void start() {
    cluster = DevCluster.start();
    Crds.load().forEach(crd -> cluster.client().resource(crd).create());
    writer = new IncidentWriter(cluster.client(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void firingAlertCreatesAnIncidentWithTheAlertAsItsSpecAndNoStatus() {
    var alert = alert(AlertmanagerBodies.firing("team-a"));

    var outcome = writer.write(alert, "team-a");

    var name = IncidentNaming.name("AgentHighErrorRate", alert.fingerprint(), alert.startTime());
    assertThat(outcome).isEqualTo(new AlertOutcome(alert.fingerprint(), "firing", AlertResult.CREATED, "team-a", List.of(name)));
    var incident = incident("team-a", name);
    assertThat(incident.getMetadata().getLabels())
        .containsEntry(Incident.FINGERPRINT_LABEL, alert.fingerprint())
        .containsEntry(IncidentWriter.ALERTNAME_LABEL, "AgentHighErrorRate");
    assertThat(incident.getSpec().getStartsAt()).isEqualTo(AlertmanagerBodies.STARTS_AT);
    assertThat(incident.getSpec().getSeverity()).isEqualTo("critical");
    assertThat(incident.getSpec().getResolvedAt()).isNull();
    assertThat(cluster.client().genericKubernetesResources(incident.getApiVersion(), incident.getKind())
        .inNamespace("team-a").withName(name).get().getAdditionalProperties())
        .as("the status belongs to the reconciler").doesNotContainKey("status");
  }

  @Test
  void theSameAlertAgainIsADuplicateAndChangesNothing() {
    var alert = alert(AlertmanagerBodies.firing("team-a"));
    writer.write(alert, "team-a");
    var before = resourceVersions(alert, "team-a");

    assertThat(writer.write(alert, "team-a").result()).isEqualTo(AlertResult.DUPLICATE);
    assertThat(resourceVersions(alert, "team-a")).isEqualTo(before).hasSize(1);
  }

  @Test
  void aRepeatedDeliveryIsAnsweredFromMemoryWithoutARequest() {
    var alert = alert(AlertmanagerBodies.firing("team-c"));
    writer.write(alert, "team-c");
    long writes = cluster.writeCount();

    assertThat(writer.write(alert, "team-c").result()).isEqualTo(AlertResult.DUPLICATE);
    assertThat(cluster.writeCount()).isEqualTo(writes);
  }

  @Test
  void aRestartedIntakeFindsTheStoredIncidentByTheConflict() {
    var alert = alert(AlertmanagerBodies.firing("team-d"));
    writer.write(alert, "team-d");

    var restarted = new IncidentWriter(cluster.client(), Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(restarted.write(alert, "team-d").result()).isEqualTo(AlertResult.DUPLICATE);
    assertThat(resourceVersions(alert, "team-d")).hasSize(1);
  }

  @Test
  void resolvedAlertSetsResolvedAtToItsEndOnce() {
    var firing = AlertmanagerBodies.firing("team-b");
    writer.write(alert(firing), "team-b");

    var first = writer.write(alert(AlertmanagerBodies.resolved(firing, "2026-11-28T18:40:00Z")), "team-b");
    var again = writer.write(alert(AlertmanagerBodies.resolved(firing, "2026-11-28T18:45:00Z")), "team-b");

    assertThat(first.result()).isEqualTo(AlertResult.RESOLVED);
    assertThat(again.result()).isEqualTo(AlertResult.DUPLICATE);
    assertThat(again.incidents()).isEqualTo(first.incidents()).hasSize(1);
    assertThat(incidentsOf(alert(firing), "team-b")).singleElement()
        .extracting(incident -> incident.getSpec().getResolvedAt()).isEqualTo("2026-11-28T18:40:00Z");
  }

  @Test
  void resolvedAlertWithoutAnEndIsResolvedNow() {
    var firing = AlertmanagerBodies.firing("team-b");
    writer.write(alert(firing), "team-b");
    var resolved = AlertmanagerBodies.resolved(firing, "x");
    AlertmanagerBodies.alert(resolved).remove("endsAt");

    assertThat(writer.write(alert(resolved), "team-b").result()).isEqualTo(AlertResult.RESOLVED);
    assertThat(incidentsOf(alert(firing), "team-b")).singleElement()
        .extracting(incident -> incident.getSpec().getResolvedAt()).isEqualTo(NOW.toString());
  }

  @Test
  void resolvedAlertMatchesOnlyTheIncidentOfItsOwnStart() {
    var earlier = AlertmanagerBodies.firing("team-c");
    writer.write(alert(earlier), "team-c");
    var later = earlier.deepCopy();
    AlertmanagerBodies.alert(later).put("startsAt", "2026-11-28T20:00:00Z");

    var outcome = writer.write(alert(AlertmanagerBodies.resolved(later, "2026-11-28T20:10:00Z")), "team-c");

    assertThat(outcome.result()).isEqualTo(AlertResult.IGNORED);
    assertThat(outcome.incidents()).isEmpty();
    assertThat(incidentsOf(alert(earlier), "team-c")).singleElement()
        .extracting(incident -> incident.getSpec().getResolvedAt()).isNull();
  }

  private static Incident incident(String namespace, String name) {
    return cluster.client().resources(Incident.class).inNamespace(namespace).withName(name).get();
  }

  private static List<Incident> incidentsOf(WebhookAlert alert, String namespace) {
    return cluster.client().resources(Incident.class).inNamespace(namespace)
        .withLabel(Incident.FINGERPRINT_LABEL, alert.fingerprint()).list().getItems();
  }

  private static List<String> resourceVersions(WebhookAlert alert, String namespace) {
    return incidentsOf(alert, namespace).stream().map(incident -> incident.getMetadata().getResourceVersion()).toList();
  }

  private static WebhookAlert alert(ObjectNode body) {
    return WebhookBody.parse(body.toString().getBytes(StandardCharsets.UTF_8)).alerts().getFirst();
  }
}

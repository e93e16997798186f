package dev.progressive.operator.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.progressive.operator.dev.DevCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Events written again are counted on one Event, across restarts of the operator, and never fail their writer. */
class EventRecorderTest {
  private static final String NS = "events";
  private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  private static DevCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = DevCluster.start();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void theSameEventThreeTimesIsOneEventCountedThree() {
    var about = about("thrice");
    var counts = new EventCounts();
    for (int minute = 0; minute < 3; minute++) {
      recorder(minute, counts).warning(about, "ReconcileFailed", "the API refused");
    }
    assertThat(events(about)).singleElement().satisfies(event -> {
      assertThat(event.getCount()).isEqualTo(3);
      assertThat(event.getFirstTimestamp()).isEqualTo("2026-01-01T10:00:00Z");
      assertThat(event.getLastTimestamp()).isEqualTo("2026-01-01T10:02:00Z");
      assertThat(event.getType()).isEqualTo("Warning");
      assertThat(event.getMessage()).isEqualTo("the API refused");
    });
  }

  @Test
  void aKnownRepeatIsOneWrite() {
    var about = about("known");
    var counts = new EventCounts();
    recorder(0, counts).normal(about, "ChildrenCreated", "Created Deployment known");
    long before = cluster.writeCount();
    recorder(1, counts).normal(about, "ChildrenCreated", "Created Deployment known");
    assertThat(cluster.writeCount() - before).as("writes: %s", cluster.recentWrites()).isEqualTo(1);
  }

  @Test
  void differentMessagesOrTypesAreDistinctEvents() {
    var about = about("distinct");
    var recorder = recorder(0, new EventCounts());
    recorder.normal(about, "ChildrenCreated", "Created Deployment distinct");
    recorder.normal(about, "ChildrenCreated", "Created Service distinct");
    recorder.warning(about, "ChildrenCreated", "Created Service distinct");
    assertThat(events(about)).hasSize(3).allSatisfy(event -> assertThat(event.getCount()).isEqualTo(1));
  }

  @Test
  void aRestartedOperatorCountsOnTheExistingEvent() {
    var about = about("restarted");
    var before = new EventCounts();
    recorder(0, before).normal(about, "AllReplicasReady", "2 of 2 replicas ready");
    recorder(1, before).normal(about, "AllReplicasReady", "2 of 2 replicas ready");
    recorder(2, new EventCounts()).normal(about, "AllReplicasReady", "2 of 2 replicas ready");
    assertThat(events(about)).singleElement().satisfies(event -> assertThat(event.getCount()).isEqualTo(3));
  }

  @Test
  void anExpiredEventIsCreatedAnew() {
    var about = about("expired");
    var counts = new EventCounts();
    recorder(0, counts).normal(about, "AllReplicasReady", "1 of 1 replicas ready");
    events(about).forEach(event -> cluster.client().resource(event).delete());
    recorder(1, counts).normal(about, "AllReplicasReady", "1 of 1 replicas ready");
    assertThat(events(about)).singleElement().satisfies(event -> assertThat(event.getCount()).isEqualTo(1));
  }

  @Test
  void anEventRecordedOnceIsNeverCounted() {
    var about = about("once");
    var recorder = recorder(0, new EventCounts());
    recorder.once(about, "step0", false, "IncidentNotification", "told");
    recorder.once(about, "step0", false, "IncidentNotification", "told");
    assertThat(events(about)).singleElement().satisfies(event -> {
      assertThat(event.getCount()).isEqualTo(1);
      assertThat(event.getMetadata().getName()).isEqualTo("once.step0");
    });
  }

  @Test
  void aLongNameStillMakesAValidEventName() {
    var about = about("a".repeat(230) + "-" + "b".repeat(22));
    recorder(0, new EventCounts()).normal(about, "ChildrenCreated", "Created Deployment");
    assertThat(events(about)).singleElement().satisfies(event ->
        assertThat(event.getMetadata().getName()).hasSizeLessThanOrEqualTo(253).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"));
  }

  @Test
  void anEventThatCannotBeWrittenDoesNotFailItsWriter() {
    var unreachable = new ConfigBuilder().withMasterUrl("http://127.0.0.1:1").withRequestRetryBackoffLimit(0).build();
    try (var client = new KubernetesClientBuilder().withConfig(unreachable).build()) {
      var recorder = new EventRecorder(client, Clock.fixed(START, ZoneOffset.UTC), new EventCounts());
      var about = about("unwritten");
      assertThatCode(() -> {
        recorder.warning(about, "ReconcileFailed", "the API refused");
        recorder.once(about, "step0", true, "IncidentEscalated", "escalated");
      }).doesNotThrowAnyException();
    }
  }

  private static EventRecorder recorder(int minute, EventCounts counts) {
    return new EventRecorder(cluster.client(), Clock.fixed(START.plusSeconds(60L * minute), ZoneOffset.UTC), counts);
  }

  private static ConfigMap about(String name) {
    return cluster.client().resource(new ConfigMapBuilder().withNewMetadata().withNamespace(NS).withName(name).endMetadata()
        .build()).create();
  }

  private static List<Event> events(ConfigMap about) {
    return cluster.client().v1().events().inNamespace(NS).list().getItems().stream()
        .filter(event -> about.getMetadata().getUid().equals(event.getInvolvedObject().getUid()))
        .toList();
  }
}

package dev.progressive.operator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.Crds;
import dev.progressive.operator.UtcClock;
import dev.progressive.operator.api.Alerting;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.SecretKey;
import dev.progressive.operator.dev.DevCluster;
import dev.progressive.operator.monitoring.Heartbeat;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Heartbeats recorded on the namespace's stack in the embedded API, at most one write per stack per 10 s. */
class HeartbeatRecorderTest {
  private static final Instant T0 = Instant.parse("2026-11-28T19:00:00Z");
  private static DevCluster cluster;

  @BeforeAll
  static void start() {
    cluster = DevCluster.start();
    Crds.load().forEach(crd -> cluster.client().resource(crd).create());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void firingHeartbeatRecordsItsTimeOnTheStackAndMakesNoIncident() {
    createStack("beat");
    var clock = new SettableClock(T0);
    var recorder = new HeartbeatRecorder(cluster.client(), clock);

    var outcome = recorder.record(heartbeat("firing"), "beat");

    assertThat(outcome.result()).isEqualTo(AlertResult.HEARTBEAT);
    assertThat(outcome.incidents()).isEmpty();
    assertThat(lastHeartbeat("beat")).contains(T0.toString());
    assertThat(cluster.client().resources(Incident.class).inNamespace("beat").list().getItems()).isEmpty();
  }

  @Test
  void writesAtMostOncePerStackWithinTheThrottle() {
    createStack("throttled");
    var clock = new SettableClock(T0);
    var recorder = new HeartbeatRecorder(cluster.client(), clock);
    recorder.record(heartbeat("firing"), "throttled");

    clock.now = T0.plus(HeartbeatRecorder.THROTTLE).minusSeconds(1);
    recorder.record(heartbeat("firing"), "throttled");
    assertThat(lastHeartbeat("throttled")).contains(T0.toString());

    clock.now = T0.plus(HeartbeatRecorder.THROTTLE);
    recorder.record(heartbeat("firing"), "throttled");
    assertThat(lastHeartbeat("throttled")).contains(clock.now.toString());
  }

  @Test
  void aShorterHeartbeatIntervalThrottlesToItself() {
    var stack = stack("quick");
    var alerting = alerting();
    alerting.setHeartbeatInterval("2s");
    stack.getSpec().setAlerting(alerting);
    cluster.client().resource(stack).create();
    var clock = new SettableClock(T0);
    var recorder = new HeartbeatRecorder(cluster.client(), clock);
    recorder.record(heartbeat("firing"), "quick");

    clock.now = T0.plusSeconds(2);
    recorder.record(heartbeat("firing"), "quick");

    assertThat(lastHeartbeat("quick")).contains(clock.now.toString());
  }

  @Test
  void resolvedHeartbeatIsAcknowledgedAndRecordsNothing() {
    createStack("resolved");
    var outcome = new HeartbeatRecorder(cluster.client(), new SettableClock(T0)).record(heartbeat("resolved"), "resolved");

    assertThat(outcome.result()).isEqualTo(AlertResult.HEARTBEAT);
    assertThat(lastHeartbeat("resolved")).isEmpty();
  }

  @Test
  void namespaceWithoutAStackTakesTheHeartbeat() {
    var outcome = new HeartbeatRecorder(cluster.client(), new SettableClock(T0)).record(heartbeat("firing"), "nostack");

    assertThat(outcome.result()).isEqualTo(AlertResult.HEARTBEAT);
  }

  static WebhookAlert heartbeat(String status) {
    return new WebhookAlert(status, Map.of("alertname", Heartbeat.ALERT, "severity", "none"), Map.of(),
        "2026-11-28T18:00:00Z", null, null, "0123456789abcdef");
  }

  private static void createStack(String namespace) {
    cluster.client().resource(stack(namespace)).create();
  }

  private static Alerting alerting() {
    var alerting = new Alerting();
    var smtp = new Alerting.Smtp();
    smtp.setSmarthost("smtp.example.com:587");
    smtp.setFrom("alerts@example.com");
    alerting.setSmtp(smtp);
    alerting.setSlackWebhook(secretKey());
    var pagerDuty = new Alerting.PagerDuty();
    pagerDuty.setMca(secretKey());
    pagerDuty.setSre(secretKey());
    alerting.setPagerDuty(pagerDuty);
    return alerting;
  }

  private static SecretKey secretKey() {
    return new SecretKey("alerting", "value");
  }

  private static ObservabilityStack stack(String namespace) {
    var stack = new ObservabilityStack();
    stack.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName("stack").build());
    stack.setStatus(null);
    return stack;
  }

  private static Optional<String> lastHeartbeat(String namespace) {
    var stack = cluster.client().resources(ObservabilityStack.class).inNamespace(namespace).withName("stack").get();
    return Optional.ofNullable(stack.getStatus()).map(s -> s.getAlertPath()).map(p -> p.getLastHeartbeat());
  }

  /** A clock the test moves. */
  static final class SettableClock extends UtcClock {
    volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

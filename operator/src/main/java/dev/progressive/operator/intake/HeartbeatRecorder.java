package dev.progressive.operator.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.progressive.operator.api.Alerting;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.common.Durations;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the operator's heartbeat alert in {@code status.alertPath.lastHeartbeat} of the stacks of its
 * namespace, where the stack reconciler judges the alert path; in the API, so that the verdict survives
 * restarts and leader changes. A heartbeat never makes an Incident. Writes are throttled per stack: every
 * Alertmanager peer delivers each heartbeat, and a write per delivery would only load the API server.
 * API errors propagate as {@link KubernetesClientException}.
 */
public final class HeartbeatRecorder {
  /**
   * The most often a stack's heartbeat is written; a shorter heartbeat interval throttles to itself, so
   * that a throttled write never comes later than the three intervals the verdict allows.
   */
  static final Duration THROTTLE = Duration.ofSeconds(10);
  private static final int NOT_FOUND = 404;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final Clock clock;
  private final Map<String, Instant> written = new ConcurrentHashMap<>();

  public HeartbeatRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** A resolved heartbeat (its rule was removed) says nothing about the path and is only acknowledged. */
  public AlertOutcome record(WebhookAlert alert, String namespace) {
    var stacks = client.resources(ObservabilityStack.class).inNamespace(namespace).list().getItems();
    if (alert.firing()) {
      var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      stacks.forEach(stack -> recordOn(stack, now));
    }
    return new AlertOutcome(alert.fingerprint(), alert.status(), AlertResult.HEARTBEAT, namespace, List.of());
  }

  private void recordOn(ObservabilityStack stack, Instant now) {
    var namespace = stack.getMetadata().getNamespace();
    var key = namespace + "/" + stack.getMetadata().getName();
    var last = written.get(key);
    if (last != null && now.isBefore(last.plus(throttle(stack)))) {
      return;
    }
    var patch = JSON.createObjectNode();
    patch.putObject("status").putObject("alertPath").put("lastHeartbeat", now.toString());
    try {
      client.resources(ObservabilityStack.class).inNamespace(namespace).withName(stack.getMetadata().getName()).subresource("status")
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
      written.put(key, now);
    } catch (KubernetesClientException e) {
      // Deleted since it was listed: no stack left to tell.
      if (e.getCode() != NOT_FOUND) {
        throw e;
      }
    }
  }

  private static Duration throttle(ObservabilityStack stack) {
    try {
      var interval = Optional.ofNullable(stack.getSpec().getAlerting()).map(Alerting::getHeartbeatInterval)
          .map(text -> Durations.parse(text, "spec.alerting.heartbeatInterval"));
      return interval.filter(i -> i.compareTo(THROTTLE) < 0).orElse(THROTTLE);
    } catch (IllegalArgumentException invalid) {
      // The stack reports its invalid spec; the heartbeat is still worth recording.
      return THROTTLE;
    }
  }
}

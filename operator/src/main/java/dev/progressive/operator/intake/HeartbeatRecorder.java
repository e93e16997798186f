package dev.progressive.operator.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.progressive.operator.api.ObservabilityStack;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the operator's heartbeat alert in {@code status.alertPath.lastHeartbeat} of the stacks of its
 * namespace, where the stack reconciler judges the alert path; in the API, so that the verdict survives
 * restarts and leader changes. A heartbeat never makes an Incident. Writes are throttled per stack: every
 * Alertmanager peer delivers each heartbeat, and a write per delivery would only load the API server.
 * API errors propagate as {@link KubernetesClientException}.
 */
public final class HeartbeatRecorder {
  /** Far below the three group intervals the verdict allows, so a throttled write never makes it late. */
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
    var stacks = client.resources(ObservabilityStack.class).inNamespace(namespace).list().getItems().stream()
        .map(stack -> stack.getMetadata().getName()).toList();
    if (alert.firing()) {
      var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      stacks.forEach(stack -> recordOn(namespace, stack, now));
    }
    return new AlertOutcome(alert.fingerprint(), alert.status(), AlertResult.HEARTBEAT, namespace, List.of());
  }

  private void recordOn(String namespace, String stack, Instant now) {
    var key = namespace + "/" + stack;
    var last = written.get(key);
    if (last != null && now.isBefore(last.plus(THROTTLE))) {
      return;
    }
    var patch = JSON.createObjectNode();
    patch.putObject("status").putObject("alertPath").put("lastHeartbeat", now.toString());
    try {
      client.resources(ObservabilityStack.class).inNamespace(namespace).withName(stack).subresource("status")
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
      written.put(key, now);
    } catch (KubernetesClientException e) {
      // Deleted since it was listed: no stack left to tell.
      if (e.getCode() != NOT_FOUND) {
        throw e;
      }
    }
  }
}

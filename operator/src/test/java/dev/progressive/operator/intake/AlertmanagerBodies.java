package dev.progressive.operator.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

/** Webhook bodies as Alertmanager 0.25 sends them, to vary field by field. */
final class AlertmanagerBodies {
  static final String FINGERPRINT = "cc25aa0d0560d0b7";
  static final String STARTS_AT = "2026-11-28T18:23:40.294Z";
  /** A body exactly as Alertmanager 0.25 delivered it. */
  static final String RECEIVED = """
      {"receiver":"webhook","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"AgentHighErrorRate","severity":"critical"},
       "annotations":{"summary":"Agent 5xx ratio above 5%"},"startsAt":"2026-11-28T18:23:40.294Z","endsAt":"0001-01-01T00:00:00Z",
       "generatorURL":"http://127.0.0.1:9090/graph?g0.expr=...","fingerprint":"cc25aa0d0560d0b7"}],
       "groupLabels":{"alertname":"AgentHighErrorRate"},"commonLabels":{"alertname":"AgentHighErrorRate","severity":"critical"},
       "commonAnnotations":{"summary":"Agent 5xx ratio above 5%"},"externalURL":"http://127.0.0.1:9093","version":"4",
       "groupKey":"{}:{alertname=\\"AgentHighErrorRate\\"}","truncatedAlerts":0}
      """;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong FINGERPRINTS = new AtomicLong(0x1000);

  private AlertmanagerBodies() {}

  /** The received body, as a tree to change. */
  static ObjectNode received() {
    try {
      return (ObjectNode) JSON.readTree(RECEIVED);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The received body for an alert of its own (a fingerprint no other test uses) in {@code namespace}. */
  static ObjectNode firing(String namespace) {
    var body = received();
    alert(body).put("fingerprint", uniqueFingerprint());
    labels(body).put("namespace", namespace);
    return body;
  }

  /** The notification Alertmanager sends when the alert of {@code firing} ends at {@code endsAt}. */
  static ObjectNode resolved(ObjectNode firing, String endsAt) {
    var body = firing.deepCopy();
    body.put("status", "resolved");
    alert(body).put("status", "resolved").put("endsAt", endsAt);
    return body;
  }

  static ObjectNode alert(ObjectNode body) {
    return (ObjectNode) body.get("alerts").get(0);
  }

  static ObjectNode labels(ObjectNode body) {
    return (ObjectNode) alert(body).get("labels");
  }

  static String uniqueFingerprint() {
    return String.format("%016x", FINGERPRINTS.incrementAndGet());
  }
}

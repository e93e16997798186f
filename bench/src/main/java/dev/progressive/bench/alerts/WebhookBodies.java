package dev.progressive.bench.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.ArrayList;

/** Firing notifications shaped as Alertmanager 0.25 sends them (webhook version 4), one alert each. */
final class WebhookBodies {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STARTS_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

  /** One alert about one agent: its body and the fingerprint Alertmanager would give it. */
  record Alert(String namespace, String agent, String fingerprint, String body) {
  }

  private WebhookBodies() {}

  static Alert firing(String alertName, String namespace, String agent) {
    var labels = labels(alertName, namespace, agent);
    String fingerprint = fingerprint(labels);
    return new Alert(namespace, agent, fingerprint, body(alertName, labels, List.of(item(alertName, labels, fingerprint))));
  }

  /** One notification of a group of {@code count} alerts about one agent, told apart by their instance label. */
  static Alert group(String alertName, String namespace, String agent, int count) {
    var items = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < count; i++) {
      var labels = labels(alertName, namespace, agent);
      labels.put("instance", "replica-" + i);
      items.add(item(alertName, labels, fingerprint(labels)));
    }
    return new Alert(namespace, agent, "group", body(alertName, Map.of("alertname", alertName), items));
  }

  private static TreeMap<String, String> labels(String alertName, String namespace, String agent) {
    return new TreeMap<>(Map.of("alertname", alertName, "namespace", namespace, "deployment", agent, "severity", "critical"));
  }

  private static Map<String, Object> item(String alertName, Map<String, String> labels, String fingerprint) {
    var alert = new LinkedHashMap<String, Object>();
    alert.put("status", "firing");
    alert.put("labels", labels);
    alert.put("annotations", Map.of("summary", alertName + " fired by the benchmark"));
    alert.put("startsAt", STARTS_AT);
    alert.put("endsAt", "0001-01-01T00:00:00Z");
    alert.put("generatorURL", "http://127.0.0.1:9090/graph?g0.expr=up");
    alert.put("fingerprint", fingerprint);
    return alert;
  }

  private static String body(String alertName, Map<String, String> commonLabels, List<Map<String, Object>> alerts) {
    var body = new LinkedHashMap<String, Object>();
    body.put("receiver", "progressive-operator");
    body.put("status", "firing");
    body.put("alerts", alerts);
    body.put("groupLabels", Map.of("alertname", alertName));
    body.put("commonLabels", commonLabels);
    body.put("commonAnnotations", Map.of());
    body.put("externalURL", "http://127.0.0.1:9093");
    body.put("version", "4");
    body.put("groupKey", "{}:{alertname=\"" + alertName + "\"}");
    body.put("truncatedAlerts", 0);
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fingerprint(Map<String, String> sortedLabels) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(sortedLabels.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.progressive.operator.remediation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Posts webhook bodies shaped exactly as Alertmanager 0.25 sends them (version 4). */
final class AlertmanagerSender {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI webhook;
  private final String token;

  AlertmanagerSender(URI operator, String token) {
    this.webhook = operator.resolve("/alertmanager/webhook");
    this.token = token;
  }

  /** One alert as Alertmanager identifies it: labels, fingerprint and start. */
  record Alert(Map<String, String> labels, String startsAt) {
    String fingerprint() {
      try {
        var digest = MessageDigest.getInstance("SHA-256").digest(new TreeMap<>(labels).toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  String body(String status, Alert alert, String endsAt) throws IOException {
    return group(status, List.of(alert), endsAt);
  }

  /** One notification of a group, as Alertmanager sends it: every alert of the group in one body. */
  String group(String status, List<Alert> alerts, String endsAt) throws IOException {
    var items = new ArrayList<Map<String, Object>>();
    for (var alert : alerts) {
      items.add(item(status, alert, endsAt));
    }
    var alert = alerts.get(0);
    var body = new LinkedHashMap<String, Object>();
    body.put("receiver", "progressive-operator");
    body.put("status", status);
    body.put("alerts", items);
    body.put("groupLabels", Map.of("alertname", alert.labels().get("alertname")));
    body.put("commonLabels", Map.of("alertname", alert.labels().get("alertname")));
    body.put("commonAnnotations", Map.of());
    body.put("externalURL", "http://127.0.0.1:9093");
    body.put("version", "4");
    body.put("groupKey", "{}:{alertname=\"" + alert.labels().get("alertname") + "\"}");
    body.put("truncatedAlerts", 0);
    return JSON.writeValueAsString(body);
  }

  private static Map<String, Object> item(String status, Alert alert, String endsAt) {
    var item = new LinkedHashMap<String, Object>();
    item.put("status", status);
    item.put("labels", alert.labels());
    item.put("annotations", Map.of("summary", alert.labels().get("alertname") + " fired in a test"));
    item.put("startsAt", alert.startsAt());
    item.put("endsAt", endsAt);
    item.put("generatorURL", "http://127.0.0.1:9090/graph?g0.expr=up");
    item.put("fingerprint", alert.fingerprint());
    return item;
  }

  int post(String body) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(webhook)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}

package dev.progressive.operator.intake;

import static dev.progressive.operator.intake.AlertmanagerBodies.alert;
import static dev.progressive.operator.intake.AlertmanagerBodies.labels;
import static dev.progressive.operator.intake.AlertmanagerBodies.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WebhookBodyTest {

  @Test
  void readsTheBodyAlertmanagerSends() {
    var body = WebhookBody.parse(AlertmanagerBodies.RECEIVED.getBytes(StandardCharsets.UTF_8));

    assertThat(body.version()).isEqualTo("4");
    assertThat(body.receiver()).isEqualTo("webhook");
    assertThat(body.alerts()).singleElement().satisfies(alert -> {
      assertThat(alert.firing()).isTrue();
      assertThat(alert.alertName()).isEqualTo("AgentHighErrorRate");
      assertThat(alert.fingerprint()).isEqualTo("cc25aa0d0560d0b7");
      assertThat(alert.labels()).containsEntry("severity", "critical");
      assertThat(alert.annotations()).containsEntry("summary", "Agent 5xx ratio above 5%");
      assertThat(alert.startTime()).isEqualTo(Instant.parse("2026-11-28T18:23:40.294Z"));
      assertThat(alert.endTime()).as("Go's zero time means it has not ended").isEmpty();
      assertThat(alert.namespace()).isEmpty();
    });
  }

  @Test
  void ignoresFieldsThatNewerAlertmanagersAdd() {
    var json = received();
    json.put("notification_reason", "new_alert");
    json.putObject("routeLabels").put("team", "sre");
    alert(json).put("somethingNew", true);

    assertThat(parse(json).alerts()).singleElement().extracting(WebhookAlert::fingerprint).isEqualTo("cc25aa0d0560d0b7");
  }

  @Test
  void readsTimesWithAnOffsetAndNanoseconds() {
    var json = received();
    alert(json).put("startsAt", "2026-11-28T19:23:40.123456789+01:00").put("endsAt", "2026-11-28T18:30:00Z");

    var alert = parse(json).alerts().getFirst();
    assertThat(alert.startTime()).isEqualTo(Instant.parse("2026-11-28T18:23:40.123456789Z"));
    assertThat(alert.endTime()).contains(Instant.parse("2026-11-28T18:30:00Z"));
  }

  @Test
  void rejectsWhatIsNotAJsonObject() {
    assertRejected("", "body is empty: expected an Alertmanager webhook notification (JSON)");
    assertRejected("{\"version\":\"4\",", "body is not valid JSON (line 1, column 16)");
    assertRejected("[]", "body must be a JSON object");
    assertRejected("null", "body must be a JSON object");
    assertRejected(" \n", "body must be a JSON object");
    assertRejected(AlertmanagerBodies.RECEIVED + "{}", "body is not valid JSON (line 7, column 1)");
  }

  @Test
  void rejectsDuplicateKeysRatherThanGuessWhichOneCounts() {
    assertRejected("{\"version\":\"4\",\"version\":\"3\",\"alerts\":[]}", "body is not valid JSON (line 1, column 25)");
  }

  @Test
  void namesTheFieldOfTheWrongType() {
    assertRejected(received(), json -> json.put("alerts", "none"), "alerts has the wrong JSON type");
    assertRejected(received(), json -> labels(json).putObject("severity"), "alerts[0].labels.severity has the wrong JSON type");
  }

  @Test
  void requiresVersion4() {
    assertRejected(received(), json -> json.remove("version"), "version is required");
    assertRejected(received(), json -> json.put("version", "3"),
        "version must be \"4\" (the Alertmanager webhook format), not \"3\"");
  }

  @Test
  void requiresAlerts() {
    assertRejected(received(), json -> json.remove("alerts"), "alerts is required");
    assertRejected(received(), json -> json.putArray("alerts"), "alerts must not be empty");
    assertRejected(received(), json -> json.withArray("alerts").addNull(), "alerts[1] must be an object");
  }

  @Test
  void requiresEachFieldOfEveryAlert() {
    assertRejected(received(), json -> alert(json).remove("status"), "alerts[0].status is required");
    assertRejected(received(), json -> labels(json).remove("alertname"), "alerts[0].labels.alertname is required");
    assertRejected(received(), json -> alert(json).remove("labels"), "alerts[0].labels.alertname is required");
    assertRejected(received(), json -> alert(json).remove("fingerprint"), "alerts[0].fingerprint is required");
    assertRejected(received(), json -> alert(json).remove("startsAt"), "alerts[0].startsAt is required");
    assertRejected(received(), json -> json.withArray("alerts").add(alert(json).deepCopy().put("fingerprint", " ")),
        "alerts[1].fingerprint is required");
  }

  @Test
  void rejectsValuesAlertmanagerNeverSends() {
    assertRejected(received(), json -> alert(json).put("status", "pending"), "alerts[0].status must be firing or resolved");
    assertRejected(received(), json -> alert(json).put("fingerprint", "CC25AA0D"),
        "alerts[0].fingerprint must be 16 lower-case hex digits, as Alertmanager sends it");
    assertRejected(received(), json -> alert(json).put("startsAt", "yesterday"),
        "alerts[0].startsAt must be an RFC 3339 time, not \"yesterday\"");
    assertRejected(received(), json -> alert(json).put("startsAt", "0001-01-01T00:00:00Z"),
        "alerts[0].startsAt is required (it is the zero time)");
    assertRejected(received(), json -> alert(json).put("endsAt", "2026-11-28"),
        "alerts[0].endsAt must be an RFC 3339 time, not \"2026-11-28\"");
    assertRejected(received(), json -> labels(json).put("namespace", "Team_A"),
        "alerts[0].labels.namespace must be a namespace name (DNS-1123 label), not \"Team_A\"");
  }

  @Test
  void keepsLabelsAndAnnotationsAsSent() {
    var json = received();
    labels(json).put("namespace", "progressive-framework-v5").put("agent_type", "mca");

    assertThat(parse(json).alerts().getFirst().labels()).isEqualTo(Map.of("alertname", "AgentHighErrorRate",
        "severity", "critical", "namespace", "progressive-framework-v5", "agent_type", "mca"));
  }

  private static WebhookBody parse(ObjectNode json) {
    return WebhookBody.parse(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRejected(ObjectNode json, Consumer<ObjectNode> change, String message) {
    change.accept(json);
    assertRejected(json.toString(), message);
  }

  private static void assertRejected(String json, String message) {
    assertThatThrownBy(() -> WebhookBody.parse(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidWebhookBody.class)
        .hasMessage(message);
  }
}

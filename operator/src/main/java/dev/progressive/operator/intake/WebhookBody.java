package dev.progressive.operator.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of an Alertmanager webhook notification, version 4. Fields this intake does not use (and
 * those newer Alertmanagers add, such as {@code notification_reason}) are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookBody(String version, String receiver, String status, String groupKey, List<WebhookAlert> alerts) {
  static final String VERSION = "4";
  // Alertmanager prints fingerprints as %016x; anything else did not come from it.
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Set<String> STATUSES = Set.of(WebhookAlert.FIRING, WebhookAlert.RESOLVED);
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /** Reads and validates a body. */
  public static WebhookBody parse(byte[] json) {
    if (json.length == 0) {
      throw new InvalidWebhookBody("body is empty: expected an Alertmanager webhook notification (JSON)");
    }
    var body = read(tree(json));
    body.validate();
    return body;
  }

  /** Syntax first, so that a truncated body is reported as such and not as a field of the wrong type. */
  private static JsonNode tree(byte[] json) {
    try {
      var tree = JSON.readTree(json);
      if (!tree.isObject()) {
        throw new InvalidWebhookBody("body must be a JSON object");
      }
      return tree;
    } catch (JsonProcessingException e) {
      // Bad syntax, a duplicate key or a second value after the object.
      var at = e.getLocation();
      throw new InvalidWebhookBody(at == null ? "body is not valid JSON"
          : "body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    } catch (IOException e) {
      throw new InvalidWebhookBody("body cannot be read: " + e.getMessage());
    }
  }

  private static WebhookBody read(JsonNode tree) {
    try {
      return JSON.treeToValue(tree, WebhookBody.class);
    } catch (JsonMappingException e) {
      throw new InvalidWebhookBody(wrongType(e));
    } catch (JsonProcessingException e) {
      throw new InvalidWebhookBody("body cannot be read: " + e.getOriginalMessage());
    }
  }

  private static String wrongType(JsonMappingException e) {
    var path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body must be a JSON object" : path + " has the wrong JSON type";
  }

  private void validate() {
    if (version == null) {
      throw new InvalidWebhookBody("version is required");
    }
    if (!VERSION.equals(version)) {
      throw new InvalidWebhookBody("version must be \"4\" (the Alertmanager webhook format), not \"" + version + "\"");
    }
    if (alerts == null) {
      throw new InvalidWebhookBody("alerts is required");
    }
    if (alerts.isEmpty()) {
      throw new InvalidWebhookBody("alerts must not be empty");
    }
    for (int i = 0; i < alerts.size(); i++) {
      validate(alerts.get(i), "alerts[" + i + "]");
    }
  }

  private static void validate(WebhookAlert alert, String path) {
    if (alert == null) {
      throw new InvalidWebhookBody(path + " must be an object");
    }
    require(alert.status(), path + ".status");
    if (!STATUSES.contains(alert.status())) {
      throw new InvalidWebhookBody(path + ".status must be firing or resolved");
    }
    require(alert.alertName(), path + ".labels.alertname");
    require(alert.fingerprint(), path + ".fingerprint");
    if (!FINGERPRINT.matcher(alert.fingerprint()).matches()) {
      throw new InvalidWebhookBody(path + ".fingerprint must be 16 lower-case hex digits, as Alertmanager sends it");
    }
    require(alert.startsAt(), path + ".startsAt");
    if (time(alert.startsAt(), path + ".startsAt").isEmpty()) {
      throw new InvalidWebhookBody(path + ".startsAt is required (it is the zero time)");
    }
    time(alert.endsAt(), path + ".endsAt");
    alert.namespace().filter(namespace -> !NAMESPACE.matcher(namespace).matches()).ifPresent(namespace -> {
      throw new InvalidWebhookBody(path + ".labels.namespace must be a namespace name (DNS-1123 label), not \"" + namespace + "\"");
    });
  }

  private static void require(String value, String path) {
    if (value == null || value.isBlank()) {
      throw new InvalidWebhookBody(path + " is required");
    }
  }

  private static Optional<Instant> time(String value, String path) {
    try {
      return WebhookAlert.time(value);
    } catch (DateTimeParseException e) {
      throw new InvalidWebhookBody(path + " must be an RFC 3339 time, not \"" + value + "\"");
    }
  }
}

package dev.progressive.operator.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.progressive.operator.monitoring.Heartbeat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** One alert of an Alertmanager webhook body, as sent; {@link WebhookBody#parse} has validated it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookAlert(
    String status,
    Map<String, String> labels,
    Map<String, String> annotations,
    String startsAt,
    String endsAt,
    String generatorURL,
    String fingerprint) {

  static final String FIRING = "firing";
  static final String RESOLVED = "resolved";
  // Go's zero time: what Alertmanager sends as endsAt while an alert fires.
  private static final Instant UNSET = Instant.parse("0001-01-01T00:00:00Z");

  public WebhookAlert {
    labels = labels == null ? Map.of() : labels;
    annotations = annotations == null ? Map.of() : annotations;
  }

  public boolean firing() {
    return FIRING.equals(status);
  }

  public String alertName() {
    return labels.get("alertname");
  }

  /** The operator's own heartbeat, which tells that alerts reach the operator. */
  public boolean heartbeat() {
    return Heartbeat.ALERT.equals(alertName());
  }

  public Optional<String> namespace() {
    return Optional.ofNullable(labels.get("namespace"));
  }

  public Instant startTime() {
    return time(startsAt).orElseThrow();
  }

  /** When Alertmanager says the alert ended; empty while it fires. */
  public Optional<Instant> endTime() {
    return time(endsAt);
  }

  /**
   * The instant of an RFC 3339 time, empty for a missing or zero time.
   *
   * @throws DateTimeParseException when the time is not RFC 3339
   */
  static Optional<Instant> time(String rfc3339) {
    if (rfc3339 == null) {
      return Optional.empty();
    }
    var instant = OffsetDateTime.parse(rfc3339).toInstant();
    return instant.equals(UNSET) ? Optional.empty() : Optional.of(instant);
  }
}

package dev.progressive.operator.intake;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What one alert of a notification did. */
public enum AlertResult {
  /** A firing alert made a new Incident. */
  CREATED,
  /** The Incident was there already: a repeated or peer delivery, or a resolution seen before. */
  DUPLICATE,
  /** A resolved alert ended its Incident. */
  RESOLVED,
  /** A resolved alert had no Incident (it fired before the intake existed, or the Incident was deleted). */
  IGNORED,
  /** The operator's heartbeat: recorded on the namespace's stack, never an Incident. */
  HEARTBEAT;

  /** The lower-case name used in answers and metrics. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

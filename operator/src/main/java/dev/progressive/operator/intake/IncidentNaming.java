package dev.progressive.operator.intake;

import java.time.Instant;
import java.util.Locale;

/**
 * Names and label values of Incidents, derived from the alert alone so that every delivery of one alert
 * (retries, HA peers) names the same Incident and the API server's 409 deduplicates them.
 */
public final class IncidentNaming {
  static final int MAX_NAME = 63;
  private static final int MAX_LABEL_VALUE = 63;

  private IncidentNaming() {}

  /**
   * {@code <alertname, lower-cased and DNS-safe, truncated>-<fingerprint>-<startsAt in epoch seconds, hex>};
   * at most 63 characters. The start time tells a later firing of the same label set apart.
   */
  public static String name(String alertName, String fingerprint, Instant startsAt) {
    var suffix = fingerprint + "-" + Long.toHexString(startsAt.getEpochSecond());
    return dnsLabel(alertName, MAX_NAME - suffix.length() - 1) + "-" + suffix;
  }

  /** The alert name as a label value: Prometheus allows ':' in names, Kubernetes not in label values. */
  public static String labelValue(String alertName) {
    var value = alertName.replaceAll("[^A-Za-z0-9._-]", "_");
    return trimToAlphanumeric(value.substring(0, Math.min(value.length(), MAX_LABEL_VALUE)));
  }

  private static String dnsLabel(String text, int maxLength) {
    var label = trimToAlphanumeric(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    label = trimToAlphanumeric(label.substring(0, Math.min(label.length(), maxLength)));
    return label.isEmpty() ? "alert" : label;
  }

  private static String trimToAlphanumeric(String text) {
    return text.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
  }
}

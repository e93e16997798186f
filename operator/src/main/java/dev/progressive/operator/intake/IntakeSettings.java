package dev.progressive.operator.intake;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the intake is set up.
 *
 * @param tokenFile the file with the bearer token; without one the intake is disabled
 * @param incidentNamespace where Incidents of alerts without a {@code namespace} label go
 * @param bodyLimitBytes the largest body accepted
 */
public record IntakeSettings(Optional<Path> tokenFile, String incidentNamespace, int bodyLimitBytes) {
  public static final int DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

  public IntakeSettings {
    // The intake reads one byte past the limit to see whether a body is over it.
    if (bodyLimitBytes < 1 || bodyLimitBytes == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the webhook body limit must be between 1 and " + (Integer.MAX_VALUE - 1) + " bytes");
    }
  }
}

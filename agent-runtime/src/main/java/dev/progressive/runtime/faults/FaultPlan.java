package dev.progressive.runtime.faults;

import java.time.Duration;

/**
 * What the agent is told to get wrong: fail {@code errorRatio} of API requests with
 * {@code errorStatus}, and delay every API request by {@code latency}.
 */
public record FaultPlan(double errorRatio, int errorStatus, Duration latency) {
  public static final FaultPlan NONE = new FaultPlan(0, 500, Duration.ZERO);

  public boolean active() {
    return errorRatio > 0 || !latency.isZero();
  }
}

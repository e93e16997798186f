package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The closed vocabulary of playbook steps. */
public enum StepAction {
  @JsonProperty("scale") SCALE,
  @JsonProperty("circuitBreaker") CIRCUIT_BREAKER,
  @JsonProperty("quarantineUnhealthy") QUARANTINE_UNHEALTHY,
  @JsonProperty("restart") RESTART,
  @JsonProperty("diagnostics") DIAGNOSTICS,
  @JsonProperty("notify") NOTIFY,
  @JsonProperty("verify") VERIFY,
  @JsonProperty("escalate") ESCALATE;

  /** The step's name in a playbook, as its JsonProperty spells it. */
  public String word() {
    try {
      return StepAction.class.getField(name()).getAnnotation(JsonProperty.class).value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }
}

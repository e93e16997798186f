package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * The closed vocabulary of playbook steps, each declared once with what it needs and what it records:
 * whether it acts on an agent (so an alert that names none cannot run it, unless the step picks agents
 * by type), and, for a mitigation, the kind the Incident records for the agent reconciler to fold in.
 */
public enum StepAction {
  @JsonProperty("scale") SCALE(true, Mitigation.Type.scale),
  @JsonProperty("circuitBreaker") CIRCUIT_BREAKER(true, Mitigation.Type.circuitBreaker),
  @JsonProperty("quarantineUnhealthy") QUARANTINE_UNHEALTHY(true, Mitigation.Type.quarantine),
  @JsonProperty("restart") RESTART(true, Mitigation.Type.restart),
  @JsonProperty("diagnostics") DIAGNOSTICS(false, null),
  @JsonProperty("notify") NOTIFY(false, null),
  @JsonProperty("verify") VERIFY(true, null),
  @JsonProperty("escalate") ESCALATE(false, null);

  private final boolean actsOnAgent;
  private final Mitigation.Type mitigation;

  StepAction(boolean actsOnAgent, Mitigation.Type mitigation) {
    this.actsOnAgent = actsOnAgent;
    this.mitigation = mitigation;
  }

  public boolean actsOnAgent() {
    return actsOnAgent;
  }

  /** The mitigation this step records, if it is one. */
  public Optional<Mitigation.Type> mitigation() {
    return Optional.ofNullable(mitigation);
  }

  /** The step's name in a playbook, as its JsonProperty spells it. */
  public String word() {
    try {
      return StepAction.class.getField(name()).getAnnotation(JsonProperty.class).value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }
}

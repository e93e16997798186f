package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * The closed vocabulary of playbook steps, each declared once with what it needs and what it records:
 * whether it acts on an agent (so an alert that names none cannot run it, unless the step picks agents
 * by type), whether it disrupts the agents it acts on (so that in an incident storm a person approves it
 * first), and, for a mitigation, the kind the Incident records for the agent reconciler to fold in.
 */
public enum StepAction {
  // Scaling is not disruptive: our scale mitigations only ever raise replicas.
  @JsonProperty("scale") SCALE(true, false, Mitigation.Type.scale),
  @JsonProperty("circuitBreaker") CIRCUIT_BREAKER(true, false, Mitigation.Type.circuitBreaker),
  @JsonProperty("quarantineUnhealthy") QUARANTINE_UNHEALTHY(true, true, Mitigation.Type.quarantine),
  @JsonProperty("restart") RESTART(true, true, Mitigation.Type.restart),
  @JsonProperty("diagnostics") DIAGNOSTICS(false, false, null),
  @JsonProperty("notify") NOTIFY(false, false, null),
  @JsonProperty("verify") VERIFY(true, false, null),
  @JsonProperty("escalate") ESCALATE(false, false, null);

  private final boolean actsOnAgent;
  private final boolean disruptive;
  private final Mitigation.Type mitigation;

  StepAction(boolean actsOnAgent, boolean disruptive, Mitigation.Type mitigation) {
    this.actsOnAgent = actsOnAgent;
    this.disruptive = disruptive;
    this.mitigation = mitigation;
  }

  public boolean actsOnAgent() {
    return actsOnAgent;
  }

  /** Whether the step takes pods away from serving (restarts them, or takes them out of the Service). */
  public boolean disruptive() {
    return disruptive;
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

package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * A change an Incident asks of one agent. The agent reconciler folds the active ones into the
 * agent's children; nothing else writes them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Mitigation {
  /** The kinds of mitigation, each with what a step asks for and what an agent's status says it holds. */
  public enum Type {
    scale("scale to %d replicas (within scaling.maxReplicas)", "scale to %d replicas"),
    circuitBreaker("open the circuit breaker", "circuitBreaker"),
    quarantine("take unhealthy pods out of the Service", "quarantine"),
    restart("restart the pods", "restart");

    private final String asked;
    private final String held;

    Type(String asked, String held) {
      this.asked = asked;
      this.held = held;
    }

    /** What a step of this kind asks, as its dry run and its record say it. */
    public String asked(Integer replicas) {
      return asked.formatted(replicas);
    }

    /** The mitigation as an agent's status lists it. */
    public String held(Integer replicas) {
      return held.formatted(replicas);
    }
  }

  @JsonPropertyDescription("What is asked: scale, circuitBreaker (open), quarantine (unhealthy pods out of traffic) or restart.")
  private Type type;
  @JsonPropertyDescription("Name of the ProgressiveAgent it applies to, in the Incident's namespace.")
  private String agent;
  @JsonPropertyDescription("For scale: the replicas asked for (capped at the agent's scaling.maxReplicas).")
  private Integer replicas;
  @JsonPropertyDescription("When it was asked (RFC 3339); for restart, the restart's stamp.")
  private String since;
  @JsonPropertyDescription("When it was withdrawn (RFC 3339); empty while active.")
  private String revertedAt;

  public Mitigation() {}

  public Mitigation(Type type, String agent, Integer replicas, String since) {
    this.type = type;
    this.agent = agent;
    this.replicas = replicas;
    this.since = since;
  }

  @JsonIgnore
  public boolean isActive() {
    return revertedAt == null;
  }

  public Type getType() { return type; }
  public void setType(Type type) { this.type = type; }
  public String getAgent() { return agent; }
  public void setAgent(String agent) { this.agent = agent; }
  public Integer getReplicas() { return replicas; }
  public void setReplicas(Integer replicas) { this.replicas = replicas; }
  public String getSince() { return since; }
  public void setSince(String since) { this.since = since; }
  public String getRevertedAt() { return revertedAt; }
  public void setRevertedAt(String revertedAt) { this.revertedAt = revertedAt; }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mitigation m && type == m.type && Objects.equals(agent, m.agent)
        && Objects.equals(replicas, m.replicas) && Objects.equals(since, m.since) && Objects.equals(revertedAt, m.revertedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, agent, replicas, since, revertedAt);
  }
}

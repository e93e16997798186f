package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** An agent the run would have acted on but leaves alone, and why: the guardrails hold per agent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HeldBackAgent {
  @JsonPropertyDescription("Name of the ProgressiveAgent, in the Incident's namespace.")
  private String agent;
  @JsonPropertyDescription("ResourceBusy (another Incident's run holds it), Cooldown or RateLimited.")
  private String reason;
  @JsonPropertyDescription("A sentence for people, naming the Incident that holds or last acted on the agent.")
  private String message;

  public HeldBackAgent() {}

  public HeldBackAgent(String agent, String reason, String message) {
    this.agent = agent;
    this.reason = reason;
    this.message = message;
  }

  public String getAgent() { return agent; }
  public void setAgent(String agent) { this.agent = agent; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
}

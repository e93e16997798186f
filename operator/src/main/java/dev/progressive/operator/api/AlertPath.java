package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The intake's record of the namespace's heartbeat, kept in the stack's status so that it survives
 * restarts and leader changes: the intake writes it, the stack reconciler judges it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AlertPath {
  @JsonPropertyDescription("When the operator last received the namespace's ProgressiveHeartbeat alert (RFC 3339).")
  private String lastHeartbeat;

  public String getLastHeartbeat() { return lastHeartbeat; }
  public void setLastHeartbeat(String lastHeartbeat) { this.lastHeartbeat = lastHeartbeat; }
}

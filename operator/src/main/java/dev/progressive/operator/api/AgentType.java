package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The five reference agents of the Progressive Framework, or a custom image that follows the same contract. */
public enum AgentType {
  @JsonProperty("mca") MCA,
  @JsonProperty("npa") NPA,
  @JsonProperty("wpa") WPA,
  @JsonProperty("bma") BMA,
  @JsonProperty("rpa") RPA,
  @JsonProperty("custom") CUSTOM;

  /** The value used in labels, env and metrics (`agent_type`). */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

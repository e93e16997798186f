package dev.progressive.runtime.agents;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The five reference agents; the lower-case name is the {@code agent_type} label and the env value. */
public enum AgentType {
  MCA, NPA, WPA, BMA, RPA;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AgentType parse(String value) {
    for (AgentType type : values()) {
      if (type.label().equalsIgnoreCase(value.trim())) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown agent type '" + value + "', expected one of "
        + Arrays.stream(values()).map(AgentType::label).collect(Collectors.joining("|")));
  }
}

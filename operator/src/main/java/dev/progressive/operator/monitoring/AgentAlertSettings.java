package dev.progressive.operator.monitoring;

/**
 * What one agent's alert rules are generated from.
 *
 * @param namespace the agent's namespace; every rule selects only series of this namespace
 * @param agentName the agent's name, which is also the name of its Service and so the {@code job}
 *     label that a ServiceMonitor gives its targets
 * @param agentType the {@code agent_type} label its metrics carry (mca, npa, wpa, bma, rpa, or custom)
 */
public record AgentAlertSettings(
    String namespace, String agentName, String agentType, AgentAlertThresholds thresholds) {

  public AgentAlertSettings {
    Validation.requireText("namespace", namespace);
    Validation.requireText("agentName", agentName);
    Validation.requireText("agentType", agentType);
    thresholds = thresholds == null ? AgentAlertThresholds.SEED : thresholds;
  }

  public static AgentAlertSettings withSeedThresholds(String namespace, String agentName, String agentType) {
    return new AgentAlertSettings(namespace, agentName, agentType, AgentAlertThresholds.SEED);
  }
}

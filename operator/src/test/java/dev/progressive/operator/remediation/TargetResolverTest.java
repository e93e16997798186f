package dev.progressive.operator.remediation;

import static dev.progressive.operator.remediation.Incidents.agent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.monitoring.AgentAlertRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetResolverTest {
  private final List<dev.progressive.operator.api.ProgressiveAgent> agents = List.of(
      agent("mca", AgentType.MCA), agent("npa-eu", AgentType.NPA), agent("npa-us", AgentType.NPA), agent("wpa", AgentType.WPA));

  @Test
  void resolvesByDeploymentServicePodOrUniqueType() {
    assertThat(name(Map.of("deployment", "npa-eu"))).isEqualTo("npa-eu");
    assertThat(name(Map.of("service", "mca"))).isEqualTo("mca");
    assertThat(name(Map.of("pod", "npa-us-5d8f7-abcde"))).isEqualTo("npa-us");
    assertThat(name(Map.of("agent_type", "wpa"))).isEqualTo("wpa");
    assertThat(name(Map.of("service", "wpa"))).isEqualTo("wpa");
  }

  @Test
  void theAgentLabelOfTheGeneratedRulesTellsTwoAgentsOfOneTypeApart() {
    assertThat(name(Map.of("service", "npa", "agent_type", "npa", AgentAlertRules.AGENT_LABEL, "npa-us"))).isEqualTo("npa-us");
    assertThat(TargetResolver.resolve(Map.of("service", "npa", "agent_type", "npa"), agents).description())
        .contains("matches 2 agents");
  }

  @Test
  void anUnknownOrAmbiguousAgentIsNamedButMissing() {
    var ghost = TargetResolver.resolve(Map.of("deployment", "ghost"), agents);
    assertThat(ghost.named()).isTrue();
    assertThat(ghost.agent()).isEmpty();
    assertThat(ghost.description()).contains("deployment=ghost");
    var two = TargetResolver.resolve(Map.of("agent_type", "npa"), agents);
    assertThat(two.agent()).isEmpty();
    assertThat(two.description()).contains("matches 2 agents");
  }

  @Test
  void aDatastoreServiceNamesNoAgent() {
    var postgres = TargetResolver.resolve(Map.of("service", "postgresql"), agents);
    assertThat(postgres.named()).isFalse();
    assertThat(postgres.agent()).isEmpty();
  }

  private String name(Map<String, String> labels) {
    return TargetResolver.resolve(labels, agents).agent().orElseThrow().getMetadata().getName();
  }
}

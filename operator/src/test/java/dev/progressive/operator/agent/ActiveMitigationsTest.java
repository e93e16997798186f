package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentStatus;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.Scaling;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActiveMitigationsTest {
  private final ProgressiveAgent agent = Agents.agent("npa", AgentType.NPA);

  @Test
  void scaleIsRaisedByTheLargestActiveAskAndCappedAtMaxReplicas() {
    var scaling = new Scaling();
    scaling.setMaxReplicas(5);
    agent.getSpec().setScaling(scaling);
    var mitigations = ActiveMitigations.of(agent, List.of(
        incident("a", new Mitigation(Mitigation.Type.scale, "npa", 3, "t1")),
        incident("b", new Mitigation(Mitigation.Type.scale, "npa", 9, "t2")),
        incident("c", new Mitigation(Mitigation.Type.scale, "wpa", 7, "t3"))));
    assertThat(mitigations.replicas(agent.getSpec())).isEqualTo(5);
    assertThat(mitigations.describe()).containsExactly("scale to 3 replicas (Incident a)", "scale to 9 replicas (Incident b)");
  }

  @Test
  void revertedMitigationsNoLongerCountButARestartStampStays() {
    var reverted = new Mitigation(Mitigation.Type.circuitBreaker, "npa", null, "t1");
    reverted.setRevertedAt("t9");
    var restart = new Mitigation(Mitigation.Type.restart, "npa", null, "2026-11-28T10:00:00Z");
    restart.setRevertedAt("t9");
    var mitigations = ActiveMitigations.of(agent, List.of(incident("a", reverted), incident("b", restart)));
    assertThat(mitigations.breakerOpen()).isFalse();
    assertThat(mitigations.active()).isEmpty();
    assertThat(mitigations.lastRestart()).contains("2026-11-28T10:00:00Z");
    assertThat(mitigations.keepingRestart(Optional.of("2026-11-28T11:00:00Z")).lastRestart()).contains("2026-11-28T11:00:00Z");
    assertThat(mitigations.replicas(agent.getSpec())).isEqualTo(2);
  }

  @Test
  void incidentsOfAnotherNamespaceAreIgnored() {
    var elsewhere = incident("a", new Mitigation(Mitigation.Type.quarantine, "npa", null, "t1"));
    elsewhere.getMetadata().setNamespace("team-b");
    assertThat(ActiveMitigations.of(agent, List.of(elsewhere)).quarantine()).isFalse();
  }

  private static Incident incident(String name, Mitigation mitigation) {
    var incident = new Incident();
    incident.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("team-a").build());
    var status = new IncidentStatus();
    status.setMitigations(new java.util.ArrayList<>(List.of(mitigation)));
    incident.setStatus(status);
    return incident;
  }
}

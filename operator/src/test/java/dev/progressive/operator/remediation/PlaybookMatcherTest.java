package dev.progressive.operator.remediation;

import static dev.progressive.operator.remediation.Incidents.incident;
import static dev.progressive.operator.remediation.Incidents.playbook;
import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.Incident;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaybookMatcherTest {
  private final Incident unhealthy = incident("i", "AgentUnhealthy", Map.of("severity", "warning", "service", "npa"));

  @Test
  void aPlaybookNamingTheAlertBeatsTheCatchAll() {
    var catchAll = playbook("team-a", "unknown", 0, List.of(), Map.of());
    var named = playbook("team-a", "agent-degraded", 0, List.of("AgentUnhealthy"), Map.of());
    assertThat(PlaybookMatcher.match(unhealthy, List.of(catchAll, named))).contains(named);
  }

  @Test
  void priorityWinsThenTheIncidentsNamespaceThenTheName() {
    var low = playbook("team-a", "a", 0, List.of("AgentUnhealthy"), Map.of());
    var high = playbook("ops", "z", 5, List.of("AgentUnhealthy"), Map.of());
    assertThat(PlaybookMatcher.match(unhealthy, List.of(low, high))).contains(high);
    var elsewhere = playbook("ops", "a", 0, List.of("AgentUnhealthy"), Map.of());
    var local = playbook("team-a", "b", 0, List.of("AgentUnhealthy"), Map.of());
    assertThat(PlaybookMatcher.match(unhealthy, List.of(elsewhere, local))).contains(local);
  }

  @Test
  void everyMatchLabelMustBeOnTheAlert() {
    var critical = playbook("team-a", "critical-only", 0, List.of("AgentUnhealthy"), Map.of("severity", "critical"));
    assertThat(PlaybookMatcher.match(unhealthy, List.of(critical))).isEmpty();
    var warning = playbook("team-a", "warning", 0, List.of("AgentUnhealthy"), Map.of("severity", "warning"));
    assertThat(PlaybookMatcher.match(unhealthy, List.of(critical, warning))).contains(warning);
  }

  @Test
  void otherAlertsDoNotMatch() {
    assertThat(PlaybookMatcher.match(unhealthy, List.of(playbook("team-a", "db", 0, List.of("PostgreSQLDown"), Map.of())))).isEmpty();
  }
}

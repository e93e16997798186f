package dev.progressive.operator.remediation;

import static dev.progressive.operator.remediation.Incidents.incident;
import static dev.progressive.operator.remediation.Incidents.playbook;
import static dev.progressive.operator.remediation.Incidents.ran;
import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.RemediationPlaybook;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardrailCheckTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private final RemediationPlaybook playbook = playbook("team-a", "agent-degraded", 0, List.of("AgentUnhealthy"), Map.of());
  private final Incident incident = incident("new", "AgentUnhealthy", Map.of());

  @Test
  void nothingHoldsAFirstRunBack() {
    assertThat(GuardrailCheck.check(incident, playbook, "npa", List.of("npa"), List.of(), NOW, false).suppression()).isEmpty();
  }

  @Test
  void aRunOnTheSameAgentWithinTheCooldownHoldsItBackUntilItEnds() {
    var recent = ran("old", "AgentHighMemoryUsage", "npa", "team-a/x", "2026-11-28T11:55:00Z");
    assertThat(GuardrailCheck.check(incident, playbook, "npa", List.of("npa"), List.of(recent), NOW, false).suppression())
        .hasValueSatisfying(s -> {
          assertThat(s.reason()).isEqualTo(GuardrailCheck.COOLDOWN);
          assertThat(s.message()).contains("until 2026-11-28T12:05:00Z");
        });
    var longAgo = ran("old", "AgentHighMemoryUsage", "npa", "team-a/x", "2026-11-28T11:40:00Z");
    assertThat(GuardrailCheck.check(incident, playbook, "npa", List.of("npa"), List.of(longAgo), NOW, false).suppression()).isEmpty();
    assertThat(GuardrailCheck.check(incident, playbook, "wpa", List.of("wpa"), List.of(recent), NOW, false).suppression()).isEmpty();
  }

  @Test
  void maxRunsPerHourCountsRunsOfThePlaybookInTheLastHour() {
    playbook.getSpec().getGuardrails().setCooldown("0s");
    var runs = List.of(
        ran("a", "AgentUnhealthy", "wpa", "team-a/agent-degraded", "2026-11-28T11:10:00Z"),
        ran("b", "AgentUnhealthy", "bma", "team-a/agent-degraded", "2026-11-28T11:30:00Z"),
        ran("c", "AgentUnhealthy", "rpa", "team-a/agent-degraded", "2026-11-28T10:30:00Z"));
    assertThat(GuardrailCheck.check(incident, playbook, "npa", List.of("npa"), runs, NOW, false).suppression()).isEmpty();
    var third = ran("d", "AgentUnhealthy", "mca", "team-a/agent-degraded", "2026-11-28T11:50:00Z");
    var more = new java.util.ArrayList<>(runs);
    more.add(third);
    assertThat(GuardrailCheck.check(incident, playbook, "npa", List.of("npa"), more, NOW, false).suppression())
        .hasValueSatisfying(s -> assertThat(s.reason()).isEqualTo(GuardrailCheck.RATE_LIMITED));
  }

  @Test
  void anActiveIncidentForTheSameAlertAndAgentMakesThisOneADuplicate() {
    var active = ran("old", "AgentUnhealthy", "npa", "team-a/agent-degraded", "2026-11-28T09:00:00Z");
    active.getStatus().setPhase(IncidentPhase.Mitigating);
    assertThat(GuardrailCheck.check(incident, playbook, "npa", List.of("npa"), List.of(active), NOW, false).suppression())
        .hasValueSatisfying(s -> assertThat(s.reason()).isEqualTo(GuardrailCheck.DUPLICATE));
  }

  @Test
  void globalOrPlaybookDryRunSuppressesWithTheReason() {
    assertThat(GuardrailCheck.check(incident, playbook, "npa", List.of("npa"), List.of(), NOW, true).suppression())
        .hasValueSatisfying(s -> assertThat(s.message()).startsWith("remediation is in dry-run"));
    playbook.getSpec().getGuardrails().setDryRun(true);
    assertThat(GuardrailCheck.check(incident, playbook, "npa", List.of("npa"), List.of(), NOW, false).suppression())
        .hasValueSatisfying(s -> assertThat(s.message()).startsWith("playbook team-a/agent-degraded is in dry-run"));
  }

  @Test
  void suppressedIncidentsAreNotRuns() {
    var suppressed = ran("old", "AgentHighMemoryUsage", "npa", "team-a/agent-degraded", "2026-11-28T11:59:00Z");
    suppressed.getStatus().setPhase(IncidentPhase.Suppressed);
    assertThat(GuardrailCheck.check(incident, playbook, "npa", List.of("npa"), List.of(suppressed), NOW, false).suppression()).isEmpty();
  }

  @Test
  void theCooldownHoldsBackEachAgentARecentRunActedOnHoweverItChoseItAndTheRestProceed() {
    var fleetWide = ran("fleet", "SystemAvailabilityBelow99_9", null, "team-a/high-error-rate", "2026-11-28T11:55:00Z");
    fleetWide.getStatus().setAgents(List.of("npa", "wpa"));
    var verdict = GuardrailCheck.check(incident, playbook, "mca", List.of("mca", "npa", "rpa"), List.of(fleetWide), NOW, false);
    assertThat(verdict.suppression()).isEmpty();
    assertThat(verdict.heldBack()).singleElement().satisfies(h -> {
      assertThat(h.getAgent()).isEqualTo("npa");
      assertThat(h.getReason()).isEqualTo(GuardrailCheck.COOLDOWN);
      assertThat(h.getMessage()).contains("Incident fleet acted on npa").contains("until 2026-11-28T12:05:00Z");
    });
  }

  @Test
  void maxRunsPerHourAlsoCountsEveryRunThatActedOnTheAgentWhateverItsPlaybook() {
    playbook.getSpec().getGuardrails().setCooldown("0s");
    var others = new java.util.ArrayList<Incident>();
    for (var name : List.of("p", "q", "r")) {
      var other = ran(name, "PostgreSQLDown", null, "team-a/database-connectivity", "2026-11-28T11:3" + others.size() + ":00Z");
      other.getStatus().setAgents(List.of("npa"));
      others.add(other);
    }
    var verdict = GuardrailCheck.check(incident, playbook, null, List.of("npa", "wpa"), others, NOW, false);
    assertThat(verdict.suppression()).isEmpty();
    assertThat(verdict.heldBack()).singleElement().satisfies(h -> {
      assertThat(h.getAgent()).isEqualTo("npa");
      assertThat(h.getReason()).isEqualTo(GuardrailCheck.RATE_LIMITED);
      assertThat(h.getMessage()).isEqualTo("3 runs acted on npa in the last hour; the limit is maxRunsPerHour=3");
    });
    assertThat(GuardrailCheck.check(incident, playbook, null, List.of("npa"), others, NOW, false).suppression())
        .hasValueSatisfying(s -> assertThat(s.reason()).isEqualTo(GuardrailCheck.RATE_LIMITED));
  }

  @Test
  void aPlaybookThatDidNotHelpAnAgentMaxIneffectiveTimesWithinFourHoursEscalatesInsteadOfActingOnIt() {
    playbook.getSpec().getGuardrails().setCooldown("0s");
    playbook.getSpec().getGuardrails().setMaxRunsPerHour(10);
    var runs = new java.util.ArrayList<Incident>();
    for (var name : List.of("a", "b", "c")) {
      var run = ran(name, "AgentUnhealthy", "npa", "team-a/agent-degraded", "2026-11-28T08:00:00Z");
      run.getStatus().setEffective(false);
      run.getStatus().setFinishedAt("2026-11-28T1" + runs.size() + ":10:00Z");
      runs.add(run);
    }
    var verdict = GuardrailCheck.check(incident, playbook, "npa", List.of("npa"), runs, NOW, false);
    assertThat(verdict.suppression()).hasValueSatisfying(s -> {
      assertThat(s.reason()).isEqualTo(GuardrailCheck.INEFFECTIVE);
      assertThat(s.message()).startsWith("playbook team-a/agent-degraded did not help npa 3 times in the last 4h (Incidents a, b, c;");
    });
    runs.get(0).getStatus().setFinishedAt("2026-11-28T07:59:00Z");
    assertThat(GuardrailCheck.check(incident, playbook, "npa", List.of("npa"), runs, NOW, false).suppression()).isEmpty();
    runs.get(0).getStatus().setFinishedAt("2026-11-28T11:00:00Z");
    runs.get(1).getStatus().setEffective(true);
    assertThat(GuardrailCheck.check(incident, playbook, "npa", List.of("npa"), runs, NOW, false).suppression()).isEmpty();
  }
}

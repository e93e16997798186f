package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.HeldBackAgent;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.StepAction;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guardrails hold per acted-on agent, however a step chose it: a fleet-wide playbook leaves alone
 * the agents another run holds or recently acted on, says which and why, and acts on the rest; across an
 * operator restart too, since claims and runs live in the API.
 */
class FleetGuardrailIntegrationTest {

  /**
   * Every run stays in verify until its alert resolves, so that it holds its agents meanwhile; fleet-wide
   * steps act without approval (the approval tests cover maxTargets).
   */
  private static RemediationFixture acting(RemediationCluster cluster, String namespace) throws Exception {
    return cluster.fixture(namespace).withSamplesAndPlaybooks(spec -> {
      spec.getGuardrails().setMaxTargets(5);
      spec.getSteps().stream().filter(s -> s.getAction() == StepAction.VERIFY).forEach(s -> {
        s.setAfter("2s");
        s.setTimeout("90s");
      });
    });
  }

  @Test
  void whileMcaDownActsTheAvailabilityAndDatabaseAlertsLeaveMcaUntouchedAndSaySo(@TempDir Path dir) throws Exception {
    try (var cluster = RemediationCluster.start(dir)) {
      var f = acting(cluster, "mca-down-acting");
      var mcaDown = f.fire("MCAAgentDown", Map.of("service", "mca"));
      f.awaitPhase(mcaDown, IncidentPhase.Verifying);
      var name = mcaDown.getMetadata().getName();

      for (var alert : new String[] {"SystemAvailabilityBelow99_9", "PostgreSQLDown"}) {
        var incident = f.fire(alert, Map.of());
        f.awaitPhase(incident, IncidentPhase.Suppressed);
        var status = f.incident(incident).getStatus();
        assertThat(status.getReason()).isEqualTo(Detection.RESOURCE_BUSY);
        assertThat(status.getMessage()).contains("Incident " + name + " holds agent");
        assertThat(status.getHeldBack()).extracting(HeldBackAgent::getAgent).contains("mca");
        assertThat(status.getHeldBack()).filteredOn(h -> h.getAgent().equals("mca")).singleElement()
            .satisfies(h -> assertThat(h.getMessage()).isEqualTo("Incident " + name + " holds agent mca until its run ends"));
        assertThat(status.getMitigations()).isEmpty();
      }
      assertThat(f.incident(mcaDown).getStatus().getMitigations()).filteredOn(m -> m.getAgent().equals("mca"))
          .extracting(Mitigation::getType).doesNotContain(Mitigation.Type.restart);
    }
  }

  @Test
  void aFleetWideRunActsOnTheFreeAgentsOnlyAndTheGuardrailsHoldAcrossARestart(@TempDir Path dir) throws Exception {
    try (var cluster = RemediationCluster.start(dir)) {
      var f = acting(cluster, "fleet");
      var npaDegraded = f.fire("AgentUnhealthy", Map.of("service", "npa"));
      f.awaitPhase(npaDegraded, IncidentPhase.Verifying);

      var availability = f.fire("SystemAvailabilityBelow99_9", Map.of());
      f.awaitPhase(availability, IncidentPhase.Verifying);
      var status = f.incident(availability).getStatus();
      assertThat(status.getAgents()).containsExactly("bma", "mca", "rpa", "wpa");
      assertThat(status.getHeldBack()).singleElement().satisfies(h -> {
        assertThat(h.getAgent()).isEqualTo("npa");
        assertThat(h.getReason()).isEqualTo(Detection.RESOURCE_BUSY);
      });
      assertThat(status.getMitigations()).noneMatch(m -> m.getAgent().equals("npa"));
      assertThat(status.getMitigations()).filteredOn(m -> m.getType() == Mitigation.Type.scale)
          .extracting(Mitigation::getAgent).containsExactlyInAnyOrder("bma", "mca", "rpa", "wpa");
      assertThat(status.getSteps().get(0).getMessage())
          .contains("of bma, mca, rpa, wpa; held back: npa (ResourceBusy: Incident " + npaDegraded.getMetadata().getName());
      assertThat(f.replicas("npa")).isEqualTo(3);

      cluster.harness().stopOperator();
      var restarted = cluster.startOperatorAgain().fixture(f.namespace);
      var database = restarted.fire("PostgreSQLDown", Map.of());
      f.awaitPhase(database, IncidentPhase.Suppressed);
      assertThat(f.incident(database).getStatus().getReason()).isEqualTo(Detection.RESOURCE_BUSY);
      assertThat(f.incident(database).getStatus().getHeldBack()).extracting(HeldBackAgent::getAgent)
          .containsExactly("bma", "mca", "npa", "rpa", "wpa");

      restarted.resolve(npaDegraded);
      restarted.resolve(availability);
      f.awaitPhase(npaDegraded, IncidentPhase.Resolved);
      f.awaitPhase(availability, IncidentPhase.Resolved);
      var again = restarted.fire("RedisDown", Map.of());
      f.awaitPhase(again, IncidentPhase.Suppressed);
      var cooled = f.incident(again).getStatus();
      assertThat(cooled.getReason()).isEqualTo(GuardrailCheck.COOLDOWN);
      assertThat(cooled.getHeldBack()).extracting(HeldBackAgent::getReason).containsOnly(GuardrailCheck.COOLDOWN);
      assertThat(cooled.getHeldBack()).filteredOn(h -> h.getAgent().equals("npa")).singleElement()
          .satisfies(h -> assertThat(h.getMessage()).contains("Incident " + npaDegraded.getMetadata().getName() + " acted on npa"));
      assertThat(cooled.getMitigations()).isEmpty();
    }
  }

  @Test
  void aPlaybookThatDidNotHelpAnAgentThreeTimesEscalatesTheFourthAtOnceNamingTheHistory(@TempDir Path dir) throws Exception {
    try (var cluster = RemediationCluster.start(dir)) {
      var f = cluster.fixture("ineffective").withSamplesAndPlaybooks(spec -> {
        spec.getGuardrails().setCooldown("0s");
        spec.getGuardrails().setMaxRunsPerHour(10);
      });
      var failed = new java.util.ArrayList<String>();
      for (var alert : new String[] {"AgentUnhealthy", "AgentHighMemoryUsage", "NPAMealPlanGenerationFailure"}) {
        var incident = f.fire(alert, Map.of("service", "npa"));
        f.awaitPhase(incident, IncidentPhase.Escalated);
        assertThat(f.incident(incident).getStatus().getEffective()).as(f.describe(incident)).isFalse();
        failed.add(incident.getMetadata().getName());
      }
      var fourth = f.fire("MCAHighResponseTime", Map.of("service", "npa"));
      f.awaitPhase(fourth, IncidentPhase.Escalated);
      var status = f.incident(fourth).getStatus();
      assertThat(status.getReason()).isEqualTo(GuardrailCheck.INEFFECTIVE);
      assertThat(status.getMessage()).contains("did not help npa 3 times in the last 4h (Incidents "
          + String.join(", ", failed.stream().sorted().toList()));
      assertThat(status.getSteps()).isEmpty();
      assertThat(status.getMitigations()).isEmpty();
      assertThat(f.eventReasons(fourth.getMetadata().getName())).contains("IncidentEscalated");
    }
  }
}

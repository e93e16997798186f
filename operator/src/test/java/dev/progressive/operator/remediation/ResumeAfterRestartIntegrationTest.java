package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator stopped mid-incident and started again finishes the run and repeats no step. */
class ResumeAfterRestartIntegrationTest {
  @Test
  void aRestartedOperatorResumesFromTheRecordWithoutRepeatingAStep(@TempDir Path dir) throws Exception {
    try (var cluster = RemediationCluster.start(dir)) {
      var harness = cluster.harness();
      var f = cluster.fixture("resume").withSamplesAndPlaybooks(spec -> spec.getSteps().stream()
          .filter(s -> s.getAction() == StepAction.VERIFY).forEach(s -> {
            s.setAfter("3s");
            s.setTimeout("60s");
          }));
      var incident = f.fire("AgentUnhealthy", Map.of("service", "npa"));
      f.awaitPhase(incident, IncidentPhase.Verifying);
      f.resolve(incident);
      harness.stopOperator();
      var before = f.incident(incident).getStatus().getSteps().size();

      harness.startOperator();
      f.awaitPhase(incident, IncidentPhase.Resolved);
      var status = f.incident(incident).getStatus();
      assertThat(before).isGreaterThanOrEqualTo(5);
      var perIndex = status.getSteps().stream().collect(Collectors.groupingBy(StepRecord::getIndex, Collectors.counting()));
      assertThat(perIndex).as("records per step: %s", f.describe(incident)).allSatisfy((index, count) -> assertThat(count).isOne());
      assertThat(status.getMitigations()).filteredOn(m -> m.getType() == Mitigation.Type.scale).hasSize(1);
      assertThat(f.eventReasons(incident.getMetadata().getName())).filteredOn("IncidentNotification"::equals).hasSize(1);
    }
  }
}

package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.Monitoring;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.Slo;
import dev.progressive.operator.cluster.PrometheusAnswers;
import dev.progressive.operator.cluster.PrometheusSnapshot;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** status.slo from a query answer recorded from a real Prometheus (see PrometheusAnswers). */
class AgentSloTest {
  @Test
  void theBurnRatesAndRemainingBudgetComeFromTheRecordedErrorRatios() throws IOException {
    var slo = AgentSlo.status(withSlo("npa", AgentType.NPA, 99.9), report()).orElseThrow();

    assertThat(slo.getBurnRate1h()).isEqualTo("0.50");
    assertThat(slo.getBurnRate6h()).isEqualTo("0.20");
    assertThat(slo.getErrorBudgetRemaining()).isEqualTo("73%");
  }

  @Test
  void windowsWithoutRequestsShowNothing() throws IOException {
    assertThat(AgentSlo.status(withSlo("wpa", AgentType.WPA, 99.9), report())).isEmpty();
  }

  @Test
  void withoutAnSloOrAPrometheusThereIsNoSloStatus() throws IOException {
    assertThat(AgentSlo.status(Agents.agent("npa", AgentType.NPA), report())).isEmpty();
    assertThat(AgentSlo.status(withSlo("npa", AgentType.NPA, 99.9), PrometheusReport.OFF)).isEmpty();
  }

  private static PrometheusReport report() throws IOException {
    return new PrometheusReport(Optional.of(PrometheusSnapshot.read("http://prometheus:9090", Instant.now(), List.of(), List.of(),
        PrometheusAnswers.sloErrorRatios())), Set.of());
  }

  private static ProgressiveAgent withSlo(String name, AgentType type, double availability) {
    var agent = Agents.agent(name, type);
    var slo = new Slo();
    slo.setAvailability(availability);
    var monitoring = new Monitoring();
    monitoring.setSlo(slo);
    agent.getSpec().setMonitoring(monitoring);
    return agent;
  }
}

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** status.slo from the query answer of each Prometheus version (see PrometheusAnswers). */
class AgentSloTest {
  @ParameterizedTest
  @EnumSource(PrometheusAnswers.class)
  void theBurnRatesAndRemainingBudgetComeFromTheRecordedErrorRatios(PrometheusAnswers answers) throws IOException {
    var slo = AgentSlo.status(withSlo("npa", AgentType.NPA, 99.9), report(answers)).orElseThrow();

    assertThat(slo.getBurnRate1h()).isEqualTo("0.50");
    assertThat(slo.getBurnRate6h()).isEqualTo("0.20");
    assertThat(slo.getErrorBudgetRemaining()).isEqualTo("73%");
  }

  @ParameterizedTest
  @EnumSource(PrometheusAnswers.class)
  void windowsWithoutRequestsShowNothing(PrometheusAnswers answers) throws IOException {
    assertThat(AgentSlo.status(withSlo("wpa", AgentType.WPA, 99.9), report(answers))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(PrometheusAnswers.class)
  void withoutAnSloOrAPrometheusThereIsNoSloStatus(PrometheusAnswers answers) throws IOException {
    assertThat(AgentSlo.status(Agents.agent("npa", AgentType.NPA), report(answers))).isEmpty();
    assertThat(AgentSlo.status(withSlo("npa", AgentType.NPA, 99.9), PrometheusReport.OFF)).isEmpty();
  }

  private static PrometheusReport report(PrometheusAnswers answers) throws IOException {
    return new PrometheusReport(Optional.of(PrometheusSnapshot.read("http://prometheus:9090", Instant.now(), List.of(), List.of(),
        answers.sloErrorRatios())), Set.of());
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

package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ObservabilityStackSpec;
import dev.progressive.operator.cluster.PrometheusSnapshot;
import dev.progressive.operator.cluster.PrometheusSnapshots;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which Prometheus an agent is checked with, and by which pods its targets are found. */
class PrometheusReportTest {
  private final PrometheusSnapshots snapshots = new PrometheusSnapshots(null, Duration.ofMinutes(1), Clock.systemUTC());

  @Test
  void theStacksUrlWinsOverTheOperatorsDefault() throws IOException {
    var stackUrl = closedPort();
    var report = PrometheusReport.of(Agents.agent("npa", AgentType.NPA), Optional.of(stack(stackUrl)),
        Optional.of(closedPort()), snapshots, Set.of());

    assertThat(report.snapshot().map(PrometheusSnapshot::url)).contains(stackUrl.toString());
  }

  @Test
  void withoutAStackUrlTheOperatorsDefaultIsAsked() throws IOException {
    var operatorDefault = closedPort();
    var report = PrometheusReport.of(Agents.agent("npa", AgentType.NPA), Optional.of(stack(null)), Optional.of(operatorDefault),
        snapshots, Set.of());

    assertThat(report.snapshot().map(PrometheusSnapshot::url)).contains(operatorDefault.toString());
  }

  @Test
  void withNeitherNothingIsAskedAndTheAgentsPodsAreItsOwn() {
    var pod = new PodBuilder().withMetadata(new ObjectMetaBuilder().withName("npa-7d9f-a")
        .addToLabels("app.kubernetes.io/instance", "npa").build()).build();
    var other = new PodBuilder().withMetadata(new ObjectMetaBuilder().withName("wpa-1")
        .addToLabels("app.kubernetes.io/instance", "wpa").build()).build();

    assertThat(PrometheusReport.of(Agents.agent("npa", AgentType.NPA), Optional.empty(), Optional.empty(), snapshots, Set.of(pod)))
        .isEqualTo(PrometheusReport.OFF);
    assertThat(PrometheusReport.of(Agents.agent("npa", AgentType.NPA), Optional.empty(), Optional.of(URI.create("http://127.0.0.1:1")),
        snapshots, Set.of(pod, other)).pods()).containsExactly("npa-7d9f-a");
  }

  private static ObservabilityStack stack(URI url) {
    var stack = new ObservabilityStack();
    stack.setMetadata(new ObjectMetaBuilder().withName("stack").withNamespace("team-a").build());
    stack.setSpec(new ObservabilityStackSpec());
    stack.getSpec().getPrometheus().setUrl(url == null ? null : url.toString());
    return stack;
  }

  private static URI closedPort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }
}

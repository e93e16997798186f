package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.OperatorHarness;
import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentStatus;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An agent on a cluster without prometheus-operator or grafana-operator. */
class AgentMonitoringFallbackIntegrationTest {
  @Test
  void withoutTheMonitoringApisTheAgentFallsBackAndSaysSo() {
    try (var harness = OperatorHarness.start()) {
      var client = harness.client();
      var agent = Agents.agent("bma", AgentType.BMA);
      agent.setMetadata(new ObjectMetaBuilder().withName("bma").withNamespace("plain").build());
      client.resource(agent).create();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        var status = client.resources(ProgressiveAgent.class).inNamespace("plain").withName("bma").get().getStatus();
        var monitored = Conditions.find(status == null ? null : status.getConditions(), ProgressiveAgentStatus.MONITORED).orElseGet(Condition::new);
        assertThat(monitored.getStatus()).isEqualTo("False");
        assertThat(monitored.getReason()).isEqualTo("Fallback");
        assertThat(monitored.getMessage()).contains("prometheus.io/scrape", "render --plain-prometheus", "ConfigMap bma-dashboard");
      });
      assertThat(client.configMaps().inNamespace("plain").withName("bma-dashboard").get().getMetadata().getLabels())
          .containsEntry("grafana_dashboard", "1");
      assertThat(client.apps().deployments().inNamespace("plain").withName("bma").get()
          .getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("prometheus.io/scrape", "true");
    }
  }
}

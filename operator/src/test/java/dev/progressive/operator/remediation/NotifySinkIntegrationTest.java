package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.SinkReceiver;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.Sink;
import dev.progressive.operator.api.StepAction;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notifications reach Slack-style and generic webhooks whose URLs live in Secrets; remediation counts itself. */
class NotifySinkIntegrationTest {
  private SinkReceiver receiver;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = new SinkReceiver();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void notifyPostsToSlackAndEscalatePostsTheIncidentToAWebhook(@TempDir Path dir) throws Exception {
    try (var cluster = RemediationCluster.start(dir)) {
      var f = cluster.fixture("sinks");
      var url = receiver.url();
      cluster.harness().client().resource(new SecretBuilder().withNewMetadata().withName("chat").withNamespace(f.namespace)
          .endMetadata().addToData("url", Base64.getEncoder().encodeToString(url.getBytes(StandardCharsets.UTF_8))).build()).create();
      f.withSamplesAndPlaybooks(spec -> spec.getSteps().forEach(step -> {
        if (step.getAction() == StepAction.NOTIFY || step.getAction() == StepAction.ESCALATE) {
          var sink = new Sink();
          sink.setSecretName("chat");
          sink.setFormat(step.getAction() == StepAction.NOTIFY ? Sink.Format.slack : Sink.Format.webhook);
          step.setSink(sink);
        }
      }));
      var incident = f.fire("AgentUnhealthy", Map.of("service", "npa", "severity", "warning"));
      f.awaitPhase(incident, IncidentPhase.Escalated);

      await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> assertThat(receiver.received()).as(f.describe(incident)).hasSize(2));
      assertThat(receiver.received().get(0).path("text").asText()).startsWith("Incident " + incident.getMetadata().getName())
          .contains("Agent degradation detected");
      assertThat(receiver.received().get(1).path("severity").asText()).isEqualTo("escalation");
      assertThat(receiver.received().get(1).path("alert").asText()).isEqualTo("AgentUnhealthy");
      assertThat(f.incident(incident).getStatus().getSteps()).filteredOn(s -> s.getAction() == StepAction.NOTIFY)
          .singleElement().satisfies(s -> assertThat(s.getMessage()).contains("posted to the slack sink").doesNotContain(url));

      var metrics = cluster.harness().registry().scrape();
      assertThat(metrics).contains("progressive_remediation_actions_total{action=\"scale\",outcome=\"Succeeded\"} 1.0")
          .contains("progressive_incidents_total{phase=\"Escalated\"} 1.0")
          .contains("progressive_remediation_action_duration_seconds_count{action=\"verify\"} 1");
    }
  }
}

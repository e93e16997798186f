package dev.progressive.operator.monitoring;

import static dev.progressive.operator.monitoring.ExternalTool.amtool;
import static dev.progressive.operator.monitoring.ExternalTool.promtool;
import static dev.progressive.operator.monitoring.ExternalTool.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.progressive.operator.monitoring.AlertRouting.RemediationWebhook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's heartbeat: the rule checked by the real promtool, its route by the real amtool. */
class HeartbeatTest {

  @TempDir Path dir;

  @Test
  void heartbeatRulePassesItsPromtoolUnitTest() throws IOException {
    Files.writeString(dir.resolve("heartbeat.rules.yml"), new RuleFile(List.of(Heartbeat.group(RuleFixtures.NAMESPACE))).toYaml());
    Files.writeString(dir.resolve("heartbeat.test.yml"), PrometheusRulesTest.resource("heartbeat.test.yml"));

    assertThat(succeed(promtool(dir, "check", "rules", "heartbeat.rules.yml"))).contains("1 rules found");
    assertThat(succeed(promtool(dir, "test", "rules", "heartbeat.test.yml"))).contains("SUCCESS");
  }

  @Test
  void amtoolRoutesTheHeartbeatToTheWebhookAlone() throws IOException {
    Path config = write(routing("1m"));

    assertThat(succeed(amtool(dir, "check-config", config.toString()))).contains("SUCCESS");
    assertThat(succeed(amtool(dir, "config", "routes", "test", "--config.file=" + config,
        "--verify.receivers=" + AlertRouting.REMEDIATION_RECEIVER, "alertname=" + Heartbeat.ALERT, "severity=none",
        "namespace=progressive"))).contains(AlertRouting.REMEDIATION_RECEIVER);
  }

  @Test
  void heartbeatRepeatsAtEveryGroupIntervalInBothShapes() throws IOException {
    JsonNode file = Serialization.YAML.readTree(AlertmanagerFile.yaml(routing("5s"), dir)).at("/route/routes/0");
    JsonNode spec = Serialization.JSON.valueToTree(AlertmanagerConfigSpec.spec(routing("5s"))).at("/route/routes/0");

    assertThat(file.get("matchers").toString()).isEqualTo("[\"alertname=\\\"ProgressiveHeartbeat\\\"\"]");
    assertThat(List.of(file.get("group_interval").asText(), file.get("repeat_interval").asText())).containsOnly("5s");
    assertThat(file.has("continue")).isFalse();
    assertThat(spec.at("/matchers/0/value").asText()).isEqualTo(Heartbeat.ALERT);
    assertThat(List.of(spec.get("groupInterval").asText(), spec.get("repeatInterval").asText())).containsOnly("5s");
    assertThat(spec.get("receiver").asText()).isEqualTo(AlertRouting.REMEDIATION_RECEIVER);
  }

  @Test
  void withoutRemediationThereIsNoHeartbeatRoute() {
    JsonNode spec = Serialization.JSON.valueToTree(AlertmanagerConfigSpec.spec(AlertmanagerRoutingTest.seed(false)));

    assertThat(spec.at("/route/routes").findValuesAsText("value")).doesNotContain(Heartbeat.ALERT);
  }

  @Test
  void heartbeatIntervalMustBeADuration() {
    assertThatThrownBy(() -> new RemediationWebhook(AlertmanagerRoutingTest.WEBHOOK_URL, AlertmanagerRoutingTest.WEBHOOK_TOKEN,
        "often")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeatInterval");
  }

  private static AlertRouting routing(String interval) {
    AlertRouting seed = AlertmanagerRoutingTest.seed(true);
    return new AlertRouting(seed.smtp(), seed.root(), seed.routes(), seed.receivers(), seed.inhibitions(),
        new RemediationWebhook(AlertmanagerRoutingTest.WEBHOOK_URL, AlertmanagerRoutingTest.WEBHOOK_TOKEN, interval));
  }

  private Path write(AlertRouting routing) throws IOException {
    return Files.writeString(dir.resolve("alertmanager.yml"), AlertmanagerFile.yaml(routing, dir.resolve("secrets")));
  }
}

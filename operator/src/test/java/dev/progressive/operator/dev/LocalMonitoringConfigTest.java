package dev.progressive.operator.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cli.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration the local Prometheus and Alertmanager get, checked by the tools themselves. */
class LocalMonitoringConfigTest {
  private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
  private static final YAMLMapper YAML = new YAMLMapper();

  @TempDir Path dir;

  @Test
  void rulesAreTheGeneratedOnesOfAgentsAndStacksEvaluatedEachSecondWithShortFailureWindows() throws Exception {
    var rules = Files.writeString(dir.resolve("rules.yml"), LocalAlertRules.yaml(samples(ProgressiveAgent.class),
        samples(ObservabilityStack.class), ProgressiveOperator.generatedRules()));

    assertThat(run(dir, SystemTool.require("promtool", "prometheus").toString(), "check", "rules", rules.toString()))
        .contains("SUCCESS");
    var groups = YAML.readTree(rules.toFile()).path("groups");
    assertThat(groups).allSatisfy(g -> assertThat(g.path("interval").asText()).isEqualTo("1s"));
    var alerts = StreamSupport.stream(groups.spliterator(), false).flatMap(g -> StreamSupport.stream(g.path("rules").spliterator(), false)).toList();
    assertThat(rule(alerts, "NPAMealPlanGenerationFailure").path("expr").asText()).contains("[20s]").doesNotContain("[10m]");
    assertThat(rule(alerts, "AgentUnhealthy").path("for").asText()).as("other rules keep their for").isEqualTo("2m");
    assertThat(rule(alerts, "SystemAvailabilityBelow99_9").path("for").asText()).isEqualTo("5m");
  }

  @Test
  void alertmanagerCallsTheWebhookWithItsTokenFileAndFlushesResolvedAlertsAtOnce() throws Exception {
    var secrets = dir.resolve("secrets");
    var config = Files.writeString(dir.resolve("alertmanager.yml"),
        LocalAlertmanager.config(URI.create("http://127.0.0.1:8080/alertmanager/webhook"), secrets));

    assertThat(run(dir, SystemTool.require("amtool", "prometheus-alertmanager").toString(), "check-config", config.toString()))
        .contains("SUCCESS");
    var yaml = YAML.readTree(config.toFile());
    var webhookRoute = yaml.path("route").path("routes").get(0);
    assertThat(webhookRoute.path("receiver").asText()).isEqualTo("progressive-remediation");
    assertThat(webhookRoute.path("group_interval").asText()).isEqualTo("1s");
    assertThat(yaml.path("receivers").get(0).path("webhook_configs").get(0).path("http_config").path("authorization")
        .path("credentials_file").asText()).isEqualTo(secrets.resolve("remediation-webhook/token").toString());
  }

  private static JsonNode rule(List<JsonNode> rules, String alert) {
    return rules.stream().filter(r -> alert.equals(r.path("alert").asText())).findFirst().orElseThrow();
  }

  private static <T extends HasMetadata> List<T> samples(Class<T> type) throws IOException {
    var resources = new ArrayList<T>();
    for (var document : Manifests.read(ROOT.resolve("samples"))) {
      if (type.getSimpleName().equals(document.kind())) {
        var resource = Manifests.convert(document, type);
        resource.getMetadata().setNamespace("progressive-framework-v5");
        resources.add(resource);
      }
    }
    assertThat(resources).as("samples of kind %s", type.getSimpleName()).isNotEmpty();
    return resources;
  }

  /** Runs the tool, its output in a file (a tool that hangs cannot block the reading); answers the output of a success. */
  private static String run(Path dir, String... command) throws IOException, InterruptedException {
    var output = dir.resolve("tool.out");
    var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("%s finished", List.of(command)).isTrue();
    var text = Files.readString(output);
    assertThat(process.exitValue()).as(text).isZero();
    return text;
  }
}

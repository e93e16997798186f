package dev.progressive.operator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `render -f samples/ --plain-prometheus` checked by the real tools, with the samples' credentials
 * present as Secrets in the rendered directory: none of their values may appear in any output.
 */
class PlainPrometheusRenderTest {
  private static final Path SAMPLES = Path.of(System.getProperty("project.root", ".."), "samples");
  private static final List<String> SECRET_VALUES = List.of(
      "smtp-password-value-7f3a", "https://hooks.slack.com/services/T000/B000/secret-9c1d", "pagerduty-mca-key-51be",
      "pagerduty-sre-key-0e42", "webhook-token-value-a8d2");
  @TempDir static Path workDir;
  private static Path out;
  private static String stdout;

  @BeforeAll
  static void renderSamplesWithTheirSecrets() throws IOException {
    var input = Files.createDirectories(workDir.resolve("input"));
    try (Stream<Path> samples = Files.list(SAMPLES)) {
      for (var sample : samples.toList()) {
        Files.copy(sample, input.resolve(sample.getFileName()));
      }
    }
    Files.writeString(input.resolve("secrets.yaml"), """
        apiVersion: v1
        kind: Secret
        metadata: {name: alertmanager-credentials, namespace: progressive-framework-v5}
        stringData: {smtp-password: %s, slack-webhook-url: "%s", pagerduty-mca: %s, pagerduty-sre: %s}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: remediation-webhook, namespace: progressive-framework-v5}
        stringData: {token: %s}
        """.formatted(SECRET_VALUES.toArray()));
    out = workDir.resolve("plain");
    var printed = new StringWriter();
    var commandLine = new CommandLine(new Main());
    commandLine.setOut(new PrintWriter(printed));
    commandLine.setErr(new PrintWriter(new StringWriter()));
    int code = commandLine.execute("render", "-f", input.toString(), "--plain-prometheus", out.toString());
    assertThat(code).isZero();
    stdout = printed.toString();
  }

  @Test
  void everyRuleFilePassesPromtoolAndTheAgentsAndStackEachHaveOne() throws IOException {
    var ruleFiles = files(out.resolve("rules"));
    assertThat(ruleFiles).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
        "progressive-framework-v5-mca.yml", "progressive-framework-v5-npa.yml", "progressive-framework-v5-wpa.yml",
        "progressive-framework-v5-bma.yml", "progressive-framework-v5-rpa.yml", "progressive-framework-v5-observability-system.yml");
    for (var file : ruleFiles) {
      ExternalTool.succeed(ExternalTool.promtool(out, "check", "rules", file.toString()));
    }
  }

  /**
   * Debian's promtool is built without kubernetes_sd, so `check config` cannot read this file here;
   * its structure is checked instead.
   */
  @Test
  void thePrometheusConfigLoadsTheRulesAndScrapesByAnnotationWithTheAgentAsJob() throws IOException {
    var config = new ObjectMapper(new YAMLFactory()).readTree(out.resolve("prometheus.yml").toFile());
    assertThat(config.at("/rule_files/0").asText()).isEqualTo("rules/*.yml");
    var job = config.at("/scrape_configs/0");
    assertThat(job.at("/kubernetes_sd_configs/0/role").asText()).isEqualTo("pod");
    assertThat(job.at("/kubernetes_sd_configs/0/namespaces/names/0").asText()).isEqualTo("progressive-framework-v5");
    var targets = new HashMap<String, JsonNode>();
    job.get("relabel_configs").forEach(r -> targets.put(r.path("target_label").asText(r.path("action").asText()), r));
    assertThat(targets.get("keep").at("/source_labels/0").asText()).isEqualTo("__meta_kubernetes_pod_annotation_prometheus_io_scrape");
    assertThat(targets.get("keep").get("regex").isTextual()).as("regex must stay a string").isTrue();
    assertThat(targets.get("job").at("/source_labels/0").asText()).isEqualTo("__meta_kubernetes_pod_label_app_kubernetes_io_instance");
    assertThat(targets.get("track").at("/source_labels/0").asText())
        .as("the pods' progressive.dev/track, for the rollout queries").isEqualTo("__meta_kubernetes_pod_label_progressive_dev_track");
    var address = targets.get("__address__");
    var matcher = Pattern.compile(address.get("regex").asText()).matcher("10.0.0.7:9999;8080");
    assertThat(matcher.matches()).isTrue();
    assertThat(matcher.replaceAll(address.get("replacement").asText())).isEqualTo("10.0.0.7:8080");
  }

  @Test
  void theAlertmanagerFilePassesAmtoolAndReadsCredentialsFromFiles() throws IOException {
    ExternalTool.succeed(ExternalTool.amtool(out, "check-config", "alertmanager.yml"));
    assertThat(Files.readString(out.resolve("alertmanager.yml")))
        .contains("/etc/alertmanager/secrets/alertmanager-credentials/slack-webhook-url",
            "/etc/alertmanager/secrets/remediation-webhook/token");
  }

  @Test
  void noSecretValueAppearsInAnyRenderedObjectOrFile() throws IOException {
    assertThat(stdout).contains("kind: \"AlertmanagerConfig\"");
    for (var value : SECRET_VALUES) {
      assertThat(stdout).doesNotContain(value);
      for (var file : files(out)) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(value);
      }
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}

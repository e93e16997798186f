package dev.progressive.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommandTest {
  private static final Path SAMPLES = Path.of(System.getProperty("project.root", ".."), "samples");

  private record Run(int exitCode, String out, String err) {}

  /** A valid agent, as the first document of a file whose others are not. */
  private static final String GOOD_AGENT = """
      apiVersion: progressive.dev/v1alpha1
      kind: ProgressiveAgent
      metadata: {name: good}
      spec: {agentType: npa, image: example/agent:1}
      ---
      """;

  @Test
  void rendersEveryChildOfTheSamplesAsValidYaml() throws IOException {
    var run = render("-f", SAMPLES.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    var documents = parse(run.out());
    assertThat(documents).extracting(d -> d.path("kind").asText() + "/" + d.path("metadata").path("name").asText())
        .containsExactlyInAnyOrderElementsOf(expectedSampleObjects());
    assertThat(documents).allSatisfy(d ->
        assertThat(d.path("metadata").path("namespace").asText()).isEqualTo("progressive-framework-v5"));
    assertThat(run.err()).contains("skipping v1 Namespace");
  }

  /** The stack's objects, then each agent's: the samples' stack delivers dashboards to the sidecar and runs Jaeger. */
  private static List<String> expectedSampleObjects() {
    var objects = new ArrayList<>(List.of("PrometheusRule/observability-system", "AlertmanagerConfig/observability",
        "ConfigMap/observability-dashboards", "ConfigMap/observability-datasources", "Deployment/observability-jaeger",
        "Service/observability-jaeger"));
    for (var agent : List.of("mca", "npa", "wpa", "bma", "rpa")) {
      objects.addAll(List.of("Deployment/" + agent, "Service/" + agent, "ConfigMap/" + agent + "-circuit-breaker",
          "ServiceMonitor/" + agent, "PrometheusRule/" + agent, "ConfigMap/" + agent + "-dashboard"));
    }
    return objects;
  }

  @Test
  void anInvalidAgentFailsNamingTheFieldAndStillRendersTheOthers(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("agents.yaml"), GOOD_AGENT + """
        apiVersion: progressive.dev/v1alpha1
        kind: ProgressiveAgent
        metadata: {name: bad}
        spec: {agentType: npa, image: example/agent:1, replicas: 20, scaling: {maxReplicas: 4}}
        """);
    var run = render("-f", dir.toString(), "-n", "team-a");
    assertThat(run.exitCode()).isEqualTo(RenderCommand.INVALID);
    assertThat(run.err()).contains("ProgressiveAgent bad: spec.replicas: 20 is above spec.scaling.maxReplicas (4)");
    assertThat(parse(run.out())).extracting(d -> d.path("metadata").path("namespace").asText() + "/" + d.path("metadata").path("name").asText())
        .containsExactly("team-a/good", "team-a/good", "team-a/good-circuit-breaker", "team-a/good", "team-a/good",
            "team-a/good-dashboard");
  }

  @Test
  void aMissingPathIsAClearError() {
    var run = render("-f", "no/such/dir");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("no/such/dir does not exist");
  }

  @Test
  void anUnreadableDocumentIsReportedWithItsFileKindNameAndFieldAndTheOthersStillRender(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("agents.yaml"), GOOD_AGENT + """
        apiVersion: progressive.dev/v1alpha1
        kind: ProgressiveAgent
        metadata: {name: typo}
        spec: {agentType: xyz, image: example/agent:1}
        ---
        apiVersion: progressive.dev/v1alpha1
        kind: ProgressiveAgent
        metadata: {name: extra}
        spec: {agentType: npa, image: example/agent:1, replicaz: 4}
        ---
        apiVersion: progressive.dev/v1alpha1
        kind: ProgressiveAgent
        metadata: {name: broken
        spec: [
        """);
    var run = render("-f", dir.toString());
    assertThat(run.exitCode()).isEqualTo(RenderCommand.INVALID);
    var file = dir.resolve("agents.yaml").toString();
    assertThat(run.err())
        .contains(file + ": ProgressiveAgent typo: spec.agentType: unsupported value \"xyz\"; use one of mca, npa, wpa, bma, rpa, custom")
        .contains(file + ": ProgressiveAgent extra: spec.replicaz: unknown field")
        .contains(file + ":19: not valid YAML: while parsing a flow mapping; expected ',' or '}'")
        .doesNotContain("\tat ", "Exception");
    assertThat(parse(run.out())).extracting(d -> d.path("metadata").path("name").asText())
        .containsExactly("good", "good", "good-circuit-breaker", "good", "good", "good-dashboard");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "render", "dev"})
  void eachCommandPrintsItsUsageOnHelpAndSucceeds(String command) {
    var out = new StringWriter();
    var commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out));
    assertThat(commandLine.execute(command, "--help")).isZero();
    assertThat(out.toString()).startsWith("Usage: progressive-operator " + command);
  }

  private static Run render(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    var all = new String[args.length + 1];
    all[0] = "render";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = commandLine.execute(all);
    return new Run(code, out.toString(), err.toString());
  }

  private static List<JsonNode> parse(String yaml) throws IOException {
    var mapper = new ObjectMapper(new YAMLFactory());
    try (var parser = mapper.createParser(yaml)) {
      return mapper.readValues(parser, JsonNode.class).readAll().stream().filter(n -> n != null && !n.isEmpty()).toList();
    }
  }
}

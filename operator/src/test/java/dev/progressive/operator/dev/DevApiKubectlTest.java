package dev.progressive.operator.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real kubectl against the dev API with the operator's CRDs: admission, patches and explain as on a cluster. */
class DevApiKubectlTest {
  private static final Path CRDS = Path.of(System.getProperty("project.root", ".."), "crds");
  private static final String AGENT = """
      apiVersion: progressive.dev/v1alpha1
      kind: ProgressiveAgent
      metadata: {name: %s, namespace: default}
      spec: {agentType: npa, image: registry.example/agent-runtime:0.1.0%s}
      """;

  @TempDir
  static Path workDir;

  static DevCluster cluster;
  static Kubectl kubectl;

  @BeforeAll
  static void startClusterWithTheOperatorsCrds() throws Exception {
    cluster = DevCluster.start();
    kubectl = new Kubectl(cluster.writeKubeconfig(workDir.resolve("kubeconfig")), workDir);
    kubectl.run("apply", "-f", CRDS.toString()).succeeded();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  private static Kubectl.Result apply(String name, String moreSpec, String... options) throws Exception {
    Path file = Files.writeString(workDir.resolve(name + ".yaml"), AGENT.formatted(name, moreSpec));
    var args = new ArrayList<>(List.of("apply", "-f", file.toString()));
    args.addAll(List.of(options));
    return kubectl.run(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      unknown-enum  | {agentType: xyz, image: registry.example/agent-runtime:0.1.0}  | spec.agentType: Unsupported value: "xyz": supported values: "bma", "custom", "mca", "npa", "rpa", "wpa"
      cel-replicas  | {agentType: npa, image: registry.example/a:1, replicas: 5, scaling: {maxReplicas: 3}} | spec: Invalid value: "object": replicas must lie within scaling.minReplicas and scaling.maxReplicas
      port-range    | {agentType: npa, image: registry.example/a:1, port: 80}         | spec.port: Invalid value: 80: spec.port in body should be greater than or equal to 1024
      image-pattern | {agentType: npa, image: Not-An-Image}                          | spec.image: Invalid value: "Not-An-Image": spec.image in body should match '^[a-z0-9]+
      wrong-type    | {agentType: npa, image: registry.example/a:1, replicas: four}   | spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"
      required      | {agentType: npa}                                               | spec.image: Required value
      """)
  void anInvalidAgentIsRefusedNamingTheField(String name, String spec, String message) throws Exception {
    var result = kubectl.run("apply", "-f", Files.writeString(workDir.resolve(name + ".yaml"), """
        apiVersion: progressive.dev/v1alpha1
        kind: ProgressiveAgent
        metadata: {name: %s, namespace: default}
        spec: %s
        """.formatted(name, spec)).toString());

    assertThat(result.exitCode()).as("exit code; stdout: %s", result.out()).isNotZero();
    assertThat(result.err()).contains("The ProgressiveAgent \"" + name + "\" is invalid:", message);
    assertThat(kubectl.run("get", "pa", name).exitCode()).as("nothing was stored").isNotZero();
  }

  @Test
  void anUnknownFieldIsRefusedAsKubectlValidatesStrictlyAndPrunedWhenItWarns() throws Exception {
    var strict = apply("unknown-field", ", replicaz: 4");
    assertThat(strict.exitCode()).isNotZero();
    assertThat(strict.err()).contains("Error from server (BadRequest)",
        "ProgressiveAgent in version \"v1alpha1\" cannot be handled as a ProgressiveAgent: strict decoding error: unknown field \"spec.replicaz\"");

    var warned = apply("unknown-field", ", replicaz: 4", "--validate=warn").succeeded();
    assertThat(warned.err()).contains("Warning: unknown field \"spec.replicaz\"");
    assertThat(kubectl.run("get", "pa", "unknown-field", "-o", "jsonpath={.spec}").succeeded().out())
        .doesNotContain("replicaz").contains("\"replicas\":1", "\"port\":8080");
  }

  @Test
  void aMergePatchReplacesListsAndDeletesOnNull() throws Exception {
    apply("patched", ", env: [{name: A, value: a}], tracing: {samplingRatio: 0.5}").succeeded();

    kubectl.run("patch", "pa", "patched", "--type=merge", "-p", "{\"spec\":{\"env\":[{\"name\":\"B\",\"value\":\"b\"}]}}").succeeded();
    assertThat(spec("patched", "{.spec.env[*].name}")).isEqualTo("B");
    kubectl.run("patch", "pa", "patched", "--type=merge", "-p", "{\"spec\":{\"env\":[],\"tracing\":null}}").succeeded();
    assertThat(spec("patched", "{.spec}")).contains("\"env\":[]").doesNotContain("tracing");

    var refused = kubectl.run("patch", "pa", "patched", "--type=merge", "-p", "{\"spec\":{\"port\":80}}");
    assertThat(refused.err()).contains("The ProgressiveAgent \"patched\" is invalid: spec.port: Invalid value: 80");
    var jsonPatch = kubectl.run("patch", "pa", "patched", "--type=json", "-p", "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":2}]");
    jsonPatch.succeeded();
    assertThat(spec("patched", "{.spec.replicas}")).isEqualTo("2");
  }

  @Test
  void reapplyingAChangedAgentMergesTheChange() throws Exception {
    apply("reapplied", ", replicas: 1, env: [{name: A, value: a}]").succeeded();
    apply("reapplied", ", replicas: 2").succeeded();

    assertThat(spec("reapplied", "{.spec.replicas} {.spec.env}")).isEqualTo("2 ");
  }

  @Test
  void explainPrintsTheFieldsAndDescriptionsOfTheCrd() throws Exception {
    var explained = kubectl.run("explain", "progressiveagent.spec.scaling").succeeded().out();

    assertThat(explained).contains("KIND:       ProgressiveAgent", "FIELD: scaling <Object>",
        "Bounds that every change of the replica count, including remediation, must\n    respect.",
        "maxReplicas\t<integer>", "Most replicas any change, remediation included, may ask for.");
  }

  private static String spec(String name, String jsonPath) throws Exception {
    return kubectl.run("get", "pa", name, "-o", "jsonpath=" + jsonPath).succeeded().out();
  }
}

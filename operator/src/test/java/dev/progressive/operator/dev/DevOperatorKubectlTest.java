package dev.progressive.operator.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.OperatorHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user does with kubectl against the dev cluster, with the real operator running. */
class DevOperatorKubectlTest {
  private static final String NS = "progressive-framework-v5";
  private static final Path SAMPLES = Path.of(System.getProperty("project.root", ".."), "samples");

  @Test
  void samplesBecomeReadyAndANewAgentGetsItsDeployment(@TempDir Path dir) throws Exception {
    try (var harness = OperatorHarness.start()) {
      var kubectl = new Kubectl(harness.cluster().writeKubeconfig(dir.resolve("kubeconfig")), dir);
      kubectl.run("apply", "-k", SAMPLES.toString()).succeeded();

      var listed = kubectl.run("get", "pa", "-n", NS, "-o", "name").succeeded().out();
      assertThat(listed.lines()).containsExactlyInAnyOrder("progressiveagent.progressive.dev/mca",
          "progressiveagent.progressive.dev/npa", "progressiveagent.progressive.dev/wpa",
          "progressiveagent.progressive.dev/bma", "progressiveagent.progressive.dev/rpa");
      kubectl.run("wait", "--for=condition=Ready", "pa", "--all", "-n", NS, "--timeout=60s").succeeded();
      var table = kubectl.run("get", "pa", "-n", NS).succeeded().out();
      // The CRD generator orders printer columns by JSON path, and kubectl prints them in CRD order.
      assertThat(table.lines().findFirst().orElseThrow().split("\\s+"))
          .containsExactly("NAME", "AGE", "TYPE", "STATUS", "SCRAPED", "READY", "REPLICAS", "ROLLOUT", "BUDGET");
      // SCRAPED, ROLLOUT and BUDGET are empty: no Prometheus is read here, and no template changed.
      assertThat(table).containsPattern("(?m)^mca\\s+\\d+s\\s+mca\\s+AllReplicasReady\\s+2\\s+2\\s*$");

      var agent = Files.writeString(dir.resolve("npa-eu.yaml"), """
          apiVersion: progressive.dev/v1alpha1
          kind: ProgressiveAgent
          metadata: {name: npa-eu, namespace: progressive-framework-v5}
          spec: {agentType: npa, image: ghcr.io/progressive-operator/agent-runtime:0.1.0}
          """);
      kubectl.run("apply", "-f", agent.toString()).succeeded();
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(kubectl.run("get", "deployment", "npa-eu", "-n", NS, "-o", "name").exitCode()).isZero());
      kubectl.run("wait", "--for=condition=Ready", "pa/npa-eu", "-n", NS, "--timeout=30s").succeeded();

      var described = kubectl.run("describe", "pa", "npa", "-n", NS).succeeded().out();
      assertThat(described).doesNotContain("Events:  <none>").containsPattern("(?m)^Events:\\n\\s+Type\\s+Reason\\s+Age\\s+From\\s+Message");
      assertThat(described.substring(described.indexOf("Events:"))).contains("Normal").doesNotContain("npa-eu");
    }
  }
}

package dev.progressive.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.progressive.operator.dev.DevCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real kubectl creates what the chart renders, and the samples, in the embedded API: the manifests
 * are well-formed Kubernetes objects kubectl can map and send, and custom resources pass their CRD's schema
 * under kubectl's strict validation. Each test starts a new cluster.
 */
class KubectlApplyTest {
  @TempDir
  Path workDir;
  private DevCluster cluster;
  private Path kubeconfig;

  static List<ChartVariant> variants() {
    return ChartVariant.all();
  }

  @BeforeEach
  void startCluster() {
    cluster = DevCluster.start();
    kubeconfig = cluster.writeKubeconfig(workDir.resolve("kubeconfig"));
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void createsEverythingTheChartRenders(ChartVariant variant) throws IOException {
    // As helm does: the chart's crds/ first, then the templates.
    kubectl("apply", "-f", Helm.CHART.resolve("crds").toString()).succeeded();
    var chart = variant.render(new Helm(workDir));
    DiscoveryStandIns.addMissing(cluster.client(), chart.manifests());
    var manifests = Files.writeString(workDir.resolve("rendered.yaml"), chart.yaml());

    kubectl("apply", "-f", manifests.toString()).succeeded();

    assertThat(chart.manifests()).allSatisfy(manifest ->
        assertThat(stored(cluster.client(), manifest)).as("%s in the cluster", RenderedChart.name(manifest)).isTrue());
  }

  @Test
  void createsTheSamplesWithKustomize() {
    kubectl("apply", "-f", ProjectTools.root().resolve("crds").toString()).succeeded();

    var out = kubectl("apply", "-k", Samples.DIRECTORY.toString()).succeeded();

    var expected = new ArrayList<String>();
    Samples.resources().forEach(r -> expected.add(r.getKind().toLowerCase() + "/" + r.getMetadata().getName() + " created"));
    assertThat(expected).isNotEmpty();
    assertThat(out.lines().map(line -> line.replaceFirst("^([a-z]+)\\.[^/]+/", "$1/"))).containsExactlyInAnyOrderElementsOf(expected);
  }

  private ProcessRun kubectl(String... args) {
    var command = new ArrayList<>(List.of(
        ProjectTools.find("kubectl", "KUBECTL", "run bin/install-tools").toString(),
        "--kubeconfig", kubeconfig.toString(), "--cache-dir", workDir.resolve("kube-cache").toString()));
    command.addAll(List.of(args));
    return ProcessRun.of(workDir, Map.of(), command);
  }

  private static boolean stored(KubernetesClient client, JsonNode manifest) {
    var resources = client.genericKubernetesResources(manifest.path("apiVersion").asText(), manifest.path("kind").asText());
    var name = manifest.at("/metadata/name").asText();
    var namespace = manifest.at("/metadata/namespace").asText("");
    var found = namespace.isEmpty() ? resources.withName(name).get() : resources.inNamespace(namespace).withName(name).get();
    return found != null;
  }
}

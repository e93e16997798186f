package dev.progressive.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart under the real helm: lint, render, values schema, and the files it must keep in step. */
class HelmChartTest {
  private static final List<String> STANDARD_LABELS = List.of("helm.sh/chart", "app.kubernetes.io/name",
      "app.kubernetes.io/instance", "app.kubernetes.io/version", "app.kubernetes.io/managed-by");

  @TempDir
  Path workDir;

  static List<ChartVariant> variants() {
    return ChartVariant.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void lintsCleanInStrictMode(ChartVariant variant) {
    var args = new ArrayList<>(List.of("lint", "--strict", Helm.CHART.toString()));
    args.addAll(List.of(variant.helmArgs()));
    assertThat(new Helm(workDir).run(args.toArray(String[]::new)).succeeded()).contains("0 chart(s) failed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void everyManifestCarriesHelmsStandardLabels(ChartVariant variant) {
    var chart = variant.render(new Helm(workDir));
    assertThat(chart.ofKind("Deployment")).hasSize(1);
    for (var manifest : chart.manifests()) {
      assertThat(manifest.path("metadata").path("labels").properties()).extracting(e -> e.getKey())
          .as("labels of %s", RenderedChart.name(manifest))
          .containsAll(STANDARD_LABELS);
    }
  }

  @Test
  void defaultsRunTwoReplicasWithLeaderElectionProbesAndAnExplicitHeap() {
    var deployment = ChartVariant.all().get(0).render(new Helm(workDir)).ofKind("Deployment").get(0);
    var container = deployment.at("/spec/template/spec/containers/0");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(texts(container.path("args")))
        .containsExactly("run", "--http-port=8080", "--lease-namespace=" + Helm.RELEASE_NAMESPACE,
            "--kube-api-qps=50", "--kube-api-burst=100", "--prometheus-read-interval=30s",
            "--webhook-token-file=/etc/progressive/webhook/token", "--keep-incidents=100", "--keep-incidents-for=7d");
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("512Mi");
    assertThat(env(container, "JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=70");
  }

  @Test
  void namespacedInstallPassesItsNamespacesAndReadsNothingClusterWideButPausedNamespaces() {
    var chart = variant("namespaced").render(new Helm(workDir));
    var args = texts(chart.ofKind("Deployment").get(0).at("/spec/template/spec/containers/0/args"));
    assertThat(args).contains("--namespaces=progressive-framework-v5,team-a");
    assertThat(chart.ofKind("ClusterRole")).singleElement().satisfies(role -> {
      assertThat(role.at("/rules").size()).isEqualTo(1);
      assertThat(role.at("/rules/0/resources/0").asText()).isEqualTo("namespaces");
      assertThat(texts(role.at("/rules/0/verbs"))).containsExactly("list", "watch");
    });
    assertThat(chart.ofKind("ClusterRoleBinding")).hasSize(1);
    assertThat(chart.ofKind("NetworkPolicy")).hasSize(1);
  }

  @Test
  void clusterWideExampleRunsPlaybooksDryWithItsOwnSecret() {
    var chart = variant("cluster-wide").render(new Helm(workDir));
    assertThat(texts(chart.ofKind("Deployment").get(0).at("/spec/template/spec/containers/0/args")))
        .contains("--remediation-dry-run", "--prometheus-url=http://prometheus-operated.monitoring:9090");
    assertThat(chart.ofKind("Secret")).isEmpty();
    assertThat(chart.ofKind("Deployment").get(0).at("/spec/template/spec/volumes").findValuesAsText("secretName"))
        .containsExactly("alertmanager-webhook-token");
    assertThat(chart.ofKind("ServiceMonitor")).hasSize(1);
  }

  @Test
  void remediationOffRendersNoWebhookSecretAndNoTokenFile() {
    var chart = variant("remediation-off").render(new Helm(workDir));
    assertThat(chart.ofKind("Secret")).isEmpty();
    assertThat(chart.yaml()).doesNotContain("webhook-token");
  }

  @Test
  void aGeneratedWebhookTokenIsLongAndRandom() {
    var secret = ChartVariant.all().get(0).render(new Helm(workDir)).ofKind("Secret").get(0);
    var token = new String(Base64.getDecoder().decode(secret.at("/data/token").asText()));
    assertThat(token).hasSize(48).matches("[A-Za-z0-9]+");
  }

  @ParameterizedTest(name = "--set {0}")
  @CsvSource(delimiter = '|', value = {
      "replicaCount=0                      | at '/replicaCount': minimum: got 0, want 1",
      "service.type=Public                 | at '/service/type': value must be one of",
      "watchNamespaces[0]=Team_A           | at '/watchNamespaces/0'",
      "jvm.maxRAMPercentage=95             | at '/jvm/maxRAMPercentage'",
      "image.pullPolicy=Sometimes          | at '/image/pullPolicy'",
      "remediation.keepIncidentsFor=7days  | at '/remediation/keepIncidentsFor'",
      "prometheusReadInterval=0s          | at '/prometheusReadInterval'",
      "webhookToken=abc                    | additional properties 'webhookToken' not allowed",
      "replicaCount=2,leaderElection.enabled=false | replicaCount > 1 needs leaderElection.enabled: true"})
  void rejectsABadValueNamingTheField(String setting, String message) {
    var run = new Helm(workDir).template("--set", setting);
    assertThat(run.exitCode()).as("helm template --set %s", setting).isNotZero();
    assertThat(run.err()).contains(message);
  }

  @Test
  void chartCrdsEqualTheRepositoryCrds() throws IOException {
    assertThatFilesAreEqual(ProjectTools.root().resolve("crds"), Helm.CHART.resolve("crds"),
        "run bin/update-crds, which copies crds/ into the chart");
  }

  /** The chart cannot read files outside itself, so it ships a copy of incident-playbooks/ (less kustomize's file). */
  @Test
  void chartPlaybooksEqualTheRepositoryPlaybooks() throws IOException {
    assertThatFilesAreEqual(ProjectTools.root().resolve("incident-playbooks"), Helm.CHART.resolve("playbooks"),
        "copy incident-playbooks/*.yaml to helm-chart/progressive-operator/playbooks/");
  }

  private static void assertThatFilesAreEqual(Path expected, Path actual, String fix) throws IOException {
    assertThat(yamlFiles(actual)).as(fix).containsExactlyElementsOf(yamlFiles(expected));
    for (var name : yamlFiles(expected)) {
      assertThat(Files.readString(actual.resolve(name))).as(fix + " (" + name + ")")
          .isEqualTo(Files.readString(expected.resolve(name)));
    }
  }

  private static List<String> yamlFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml") || n.endsWith(".yaml"))
          .filter(n -> !n.equals("kustomization.yaml")).sorted().toList();
    }
  }

  private static ChartVariant variant(String name) {
    return ChartVariant.all().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> texts(JsonNode array) {
    var texts = new ArrayList<String>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static String env(JsonNode container, String name) {
    for (var variable : container.path("env")) {
      if (variable.path("name").asText().equals(name)) {
        return variable.path("value").asText();
      }
    }
    throw new AssertionError("no env " + name + " in " + container);
  }
}

package dev.progressive.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Argo CD Applications in samples/argocd/ point at this repository's folders and valid values. */
class ArgoCdApplicationsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path APPLICATIONS = ProjectTools.root().resolve("samples/argocd");

  @TempDir
  Path workDir;

  @Test
  void theSamplesApplicationBuildsSamplesWithKustomize() throws IOException {
    var source = application("progressive-samples.yaml").path("spec").path("source");
    assertThat(ProjectTools.root().resolve(source.path("path").asText())).isEqualTo(Samples.DIRECTORY);
    assertThat(Samples.DIRECTORY.resolve("kustomization.yaml")).exists();
  }

  @Test
  void theOperatorApplicationsValuesPassTheChartsSchemaAndNeedNoGeneratedSecret() throws IOException {
    var source = application("progressive-operator.yaml").path("spec").path("source");
    assertThat(ProjectTools.root().resolve(source.path("path").asText())).isEqualTo(Helm.CHART);
    var values = Files.writeString(workDir.resolve("values.yaml"),
        YAML.writeValueAsString(source.path("helm").path("valuesObject")));

    var chart = RenderedChart.parse(new Helm(workDir).template("--values", values.toString()).succeeded());

    assertThat(chart.ofKind("Secret")).as("a Secret rendered anew, and so changed, on every sync").isEmpty();
  }

  private static JsonNode application(String file) throws IOException {
    var application = YAML.readTree(APPLICATIONS.resolve(file).toFile());
    assertThat(application.path("kind").asText()).isEqualTo("Application");
    return application;
  }
}

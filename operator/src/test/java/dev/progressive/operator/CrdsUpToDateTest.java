package dev.progressive.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** crds/ is what users apply; it must be exactly what the build generates from the Java model. */
class CrdsUpToDateTest {
  private static final Path COMMITTED = Path.of(System.getProperty("project.root", ".."), "crds");
  private static final Path GENERATED = Path.of("target", "classes", "META-INF", "fabric8");
  private static final String FIX = "crds/ is out of date with the Java model: run bin/update-crds and commit crds/";

  @Test
  void committedCrdsEqualTheGeneratedOnes() throws IOException {
    assertThat(names(COMMITTED)).as(FIX).containsExactlyInAnyOrderElementsOf(names(GENERATED));
    for (var name : names(GENERATED)) {
      assertThat(Files.readString(COMMITTED.resolve(name))).as(FIX + " (" + name + ")")
          .isEqualTo(Files.readString(GENERATED.resolve(name)));
    }
  }

  @Test
  void theOperatorLoadsEveryGeneratedCrd() throws IOException {
    assertThat(Crds.NAMES.stream().map(name -> name + "-v1.yml"))
        .containsExactlyInAnyOrderElementsOf(names(GENERATED));
  }

  @Test
  void theAgentCrdCarriesWhatKubectlUsersRelyOn() {
    var crd = Crds.load().get(0);
    var version = crd.getSpec().getVersions().get(0);
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("pa");
    assertThat(crd.getSpec().getNames().getCategories()).containsExactly("progressive");
    assertThat(version.getSubresources().getStatus()).isNotNull();
    assertThat(version.getAdditionalPrinterColumns()).extracting("name")
        .contains("Type", "Replicas", "Ready", "Status", "Age");
    var spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    assertThat(spec.getRequired()).contains("agentType", "image");
    assertThat(spec.getXKubernetesValidations()).extracting("rule")
        .anySatisfy(rule -> assertThat((String) rule).contains("self.scaling.maxReplicas"));
    assertThat(spec.getProperties().get("replicas").getDescription()).isNotBlank();
  }

  private static List<String> names(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted().toList();
    }
  }
}

package dev.progressive.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Dockerfile, checked by reading it (no Docker engine runs here): a Maven build stage and one small,
 * non-root runtime image per module, copying exactly what that module's `mvn package` produces.
 */
class DockerfileTest {
  private static final Path ROOT = ProjectTools.root();
  private static final Dockerfile DOCKERFILE = Dockerfile.read(ROOT.resolve("Dockerfile"));
  private static final Pattern TEMURIN_VERSION = Pattern.compile("temurin[:-](\\d+)");
  /** The build stage's working directory, where the repository is copied. */
  private static final String SOURCE = "/src/";

  @Test
  void buildsWithMavenOnJdk21OrNewer() {
    var build = DOCKERFILE.stage("build").orElseThrow(() -> new AssertionError("no build stage"));
    assertThat(build.image()).startsWith("maven:");
    assertThat(javaVersion(build.image())).isGreaterThanOrEqualTo(21);
    assertThat(build.arguments("WORKDIR")).containsExactly(SOURCE.replaceAll("/$", ""));
    assertThat(build.arguments("RUN")).anySatisfy(run -> assertThat(run).contains("mvn").contains(" package"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"operator", "agent-runtime"})
  void eachModuleHasARuntimeImageWithAJreAndANumericNonRootUser(String module) {
    var stage = DOCKERFILE.stage(module).orElseThrow(() -> new AssertionError("no target " + module));
    assertThat(stage.image()).matches("eclipse-temurin:\\d+-jre.*");
    assertThat(javaVersion(stage.image())).isGreaterThanOrEqualTo(21);
    assertThat(stage.arguments("USER")).isNotEmpty();
    assertThat(stage.arguments("USER").getLast()).matches("[1-9][0-9]*(:[1-9][0-9]*)?");
    assertThat(stage.arguments("RUN")).as("no build steps in the runtime image").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"operator", "agent-runtime"})
  void eachRuntimeImageCopiesOnlyTheJarAndItsLibrariesFromTheBuild(String module) {
    var stage = DOCKERFILE.stage(module).orElseThrow();
    var pom = ModulePom.of(module);
    var copies = stage.arguments("COPY");
    assertThat(copies).containsExactlyInAnyOrder(
        "--from=build " + SOURCE + pom.libraries() + " /app/" + pom.classpathPrefix(),
        "--from=build " + SOURCE + pom.jar() + " /app/");
    var jarName = Path.of(pom.jar()).getFileName();
    assertThat(stage.arguments("ENTRYPOINT")).containsExactly("[\"java\", \"-jar\", \"/app/" + jarName + "\"]");
  }

  @Test
  void theBuildContextKeepsEveryModuleAndEveryFolderThePomsRead() throws IOException {
    var ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    var needed = new ArrayList<String>(List.of("pom.xml"));
    for (var module : ModulePom.of(".").modules()) {
      needed.add(module);
      needed.addAll(ModulePom.of(module).siblingInputs());
    }
    assertThat(needed).contains("operator", "agent-runtime", "grafana-dashboards").doesNotContainAnyElementsOf(ignored);
  }

  private static int javaVersion(String image) {
    var matcher = TEMURIN_VERSION.matcher(image);
    assertThat(matcher.find()).as("a Temurin version in %s", image).isTrue();
    return Integer.parseInt(matcher.group(1));
  }
}

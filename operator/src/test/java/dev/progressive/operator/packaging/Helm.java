package dev.progressive.operator.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real helm binary, run on the chart with its cache, config and data homes in a private directory. */
final class Helm {
  static final Path CHART = ProjectTools.root().resolve("helm-chart/progressive-operator");
  static final String RELEASE = "progressive";
  static final String RELEASE_NAMESPACE = "progressive-system";

  private final Path binary = ProjectTools.find("helm", "HELM", "run bin/install-tools");
  private final Path workDir;

  Helm(Path workDir) {
    this.workDir = workDir;
  }

  ProcessRun run(String... args) {
    var command = new ArrayList<String>(List.of(binary.toString()));
    command.addAll(List.of(args));
    return ProcessRun.of(workDir, Map.of(
        "HELM_CACHE_HOME", workDir.resolve("helm-cache").toString(),
        "HELM_CONFIG_HOME", workDir.resolve("helm-config").toString(),
        "HELM_DATA_HOME", workDir.resolve("helm-data").toString()), command);
  }

  /** helm template of the chart in {@link #RELEASE_NAMESPACE}; extra args such as "-f values.yaml". */
  ProcessRun template(String... args) {
    var command = new ArrayList<String>(List.of("template", RELEASE, CHART.toString(), "--namespace", RELEASE_NAMESPACE));
    command.addAll(List.of(args));
    return run(command.toArray(String[]::new));
  }

  /** The values files of the chart's CI variants: ci/*-values.yaml. */
  static List<Path> ciValues() {
    try (var files = Files.list(CHART.resolve("ci"))) {
      return files.filter(p -> p.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.progressive.operator.packaging;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The repository root and the command-line tools the packaging tests run. */
final class ProjectTools {
  private ProjectTools() {}

  static Path root() {
    return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
  }

  /**
   * The tool named by the environment variable, else the one bin/install-tools put in .tools/bin, else the
   * first on PATH; a missing tool fails the test with how to get it.
   */
  static Path find(String tool, String environmentVariable, String howToInstall) {
    var fromEnvironment = Optional.ofNullable(System.getenv(environmentVariable)).map(Path::of);
    var installed = Optional.of(root().resolve(".tools/bin").resolve(tool)).filter(Files::isExecutable);
    return fromEnvironment.or(() -> installed).or(() -> onPath(tool))
        .orElseThrow(() -> new AssertionError(tool + " not found: set " + environmentVariable + ", or " + howToInstall));
  }

  private static Optional<Path> onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, tool))
        .filter(Files::isExecutable)
        .findFirst();
  }

}

package dev.progressive.operator.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/** A program installed on the machine (Prometheus, Alertmanager), found on PATH or in /usr/bin. */
public final class SystemTool {
  private SystemTool() {}

  /** The executable, or a failure that names the Debian package to install. */
  public static Path require(String executable, String debianPackage) {
    var path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Stream.concat(Arrays.stream(path.split(":")).filter(dir -> !dir.isBlank()).map(Path::of), Stream.of(Path.of("/usr/bin")))
        .map(dir -> dir.resolve(executable))
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(executable + " is not installed: install the Debian package "
            + debianPackage + " (apt-get install " + debianPackage + ")"));
  }
}

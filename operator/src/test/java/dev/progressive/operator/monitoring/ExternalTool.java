package dev.progressive.operator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs promtool or amtool from PATH; a missing tool fails the test with what to install. */
public final class ExternalTool {

  public record Result(int exitCode, String output) {}

  private ExternalTool() {}

  public static Result promtool(Path workDir, String... args) {
    return run("promtool", "prometheus", workDir, args);
  }

  static Result amtool(Path workDir, String... args) {
    return run("amtool", "prometheus-alertmanager", workDir, args);
  }

  /** Runs the tool and asserts that it succeeded, showing its output when it did not. */
  public static String succeed(Result result) {
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.output();
  }

  /** Output goes to a file, so that a tool that hangs cannot block the reading of its output. */
  private static Result run(String tool, String debianPackage, Path workDir, String... args) {
    List<String> command = new ArrayList<>();
    command.add(onPath(tool, debianPackage));
    command.addAll(Arrays.asList(args));
    try {
      Path output = Files.createTempFile(tool, ".out");
      try {
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
            .redirectOutput(output.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new AssertionError(tool + " did not finish in 2 minutes: " + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new AssertionError("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    }
  }

  private static String onPath(String tool, String debianPackage) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> Path.of(dir, tool))
        .filter(Files::isExecutable)
        .findFirst()
        .map(Path::toString)
        .orElseThrow(() -> new AssertionError(tool + " is not on PATH; install it (Debian package "
            + debianPackage + ")"));
  }
}

package dev.progressive.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of an external program to completion, its output kept in files under a work directory. */
record ProcessRun(List<String> command, int exitCode, String out, String err) {

  static ProcessRun of(Path workDir, Map<String, String> environment, List<String> command) {
    try {
      var out = Files.createTempFile(workDir, "run", ".out");
      var err = Files.createTempFile(workDir, "run", ".err");
      var builder = new ProcessBuilder(command).directory(workDir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(environment);
      var process = builder.start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish within 2 minutes");
      }
      return new ProcessRun(command, process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    }
  }

  /** Asserts that the program succeeded, showing what it said when it did not; returns its stdout. */
  String succeeded() {
    assertThat(exitCode).as("%s exited with %d:%n%s%s", String.join(" ", command), exitCode, out, err).isZero();
    return out;
  }
}

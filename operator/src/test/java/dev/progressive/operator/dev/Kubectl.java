package dev.progressive.operator.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the real kubectl binary against a kubeconfig; public for the tests of other packages that drive kubectl. */
public final class Kubectl {

  private final Path kubeconfig;
  private final Path workDir;

  /** Uses workDir for kubectl's discovery cache and for the output of each run. */
  public Kubectl(Path kubeconfig, Path workDir) {
    this.kubeconfig = kubeconfig;
    this.workDir = workDir;
  }

  /** Runs kubectl to completion (at most a minute). */
  public Result run(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDir, "kubectl", ".out");
    Path err = Files.createTempFile(workDir, "kubectl", ".err");
    Process process = processBuilder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    assertThat(exited).as("kubectl %s finished within a minute", String.join(" ", args)).isTrue();
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** Starts a long-running kubectl, such as a watch; close the result to stop it. */
  public KubectlProcess start(String... args) throws IOException {
    return new KubectlProcess(processBuilder(args).start());
  }

  private ProcessBuilder processBuilder(String... args) {
    List<String> command = new ArrayList<>(List.of(binary().toString(),
        "--kubeconfig", kubeconfig.toString(), "--cache-dir", workDir.resolve("cache").toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  static Path binary() {
    Optional<Path> fromEnv = Optional.ofNullable(System.getenv("KUBECTL")).map(Path::of);
    Optional<Path> onPath = Stream.of(System.getenv("PATH").split(":"))
        .map(dir -> Path.of(dir, "kubectl"))
        .filter(Files::isExecutable)
        .findFirst();
    return fromEnv.or(() -> onPath)
        .orElseThrow(() -> new UncheckedIOException(new IOException(
            "kubectl not found: set KUBECTL or put kubectl on the PATH")));
  }

  public record Result(int exitCode, String out, String err) {
    public Result succeeded() {
      assertThat(exitCode).as("kubectl exit code; stderr: %s", err).isZero();
      return this;
    }
  }
}

package dev.progressive.operator.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the agent runtime as {@code java -jar agent-runtime.jar}, with the java of this JVM (the
 * runtime needs the same 21+), an environment of its own and its log in a file per pod.
 *
 * @param jar the runtime's jar; its dependencies are in {@code lib/} next to it
 * @param logDirectory where each process writes {@code <pod>.log} (its stdout and stderr)
 */
public record RuntimeLauncher(Path jar, Path logDirectory) {
  /** Small heaps and a quick JIT: a dozen of these JVMs share one laptop, not a node each. */
  private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m");

  public RuntimeLauncher {
    jar = jar.toAbsolutePath();
    if (!Files.isRegularFile(jar) || !Files.isDirectory(jar.resolveSibling("lib"))) {
      throw new IllegalArgumentException("No agent runtime at " + jar + " (with lib/ next to it): build it with"
          + " bin/mvn -B -ntp -pl agent-runtime package");
    }
    logDirectory = logDirectory.toAbsolutePath();
    try {
      Files.createDirectories(logDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + logDirectory, e);
    }
  }

  Process start(String pod, Map<String, String> environment) {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-jar", jar.toString()));
    var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(pod).toFile());
    // Only the pod's environment, as in a container: nothing of this JVM's (OTEL_*, JAVA_TOOL_OPTIONS) leaks in.
    builder.environment().clear();
    builder.environment().putAll(environment);
    return ChildProcesses.start(builder);
  }

  Path log(String pod) {
    return logDirectory.resolve(pod + ".log");
  }
}

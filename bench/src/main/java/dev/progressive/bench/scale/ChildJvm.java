package dev.progressive.bench.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The parent side of {@link ChildProtocol}: a JVM on this one's classpath, asked one line at a time. */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final BufferedReader answers;
  private final PrintWriter commands;

  private ChildJvm(Process process) {
    this.process = process;
    this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** Starts {@code mainClass} and waits for its greeting. */
  static ChildJvm start(Class<?> mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path")));
    for (String property : List.of("project.root", "logback.configurationFile", "java.util.logging.config.file")) {
      if (System.getProperty(property) != null) {
        command.add("-D" + property + "=" + System.getProperty(property));
      }
    }
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    try {
      var child = new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
      child.answer();
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + mainClass.getSimpleName(), e);
    }
  }

  String ask(String command) {
    commands.println(command);
    return answer();
  }

  long pid() {
    return process.pid();
  }

  private String answer() {
    try {
      String line = answers.readLine();
      if (line == null) {
        throw new IllegalStateException("the child process exited; see its output above");
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asks the child to stop, and kills it if it has not within 30 s. */
  @Override
  public void close() {
    commands.println("stop");
    commands.close();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}

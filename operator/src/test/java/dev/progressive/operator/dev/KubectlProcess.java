package dev.progressive.operator.dev;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A running kubectl whose output lines are collected as they arrive. */
public final class KubectlProcess implements AutoCloseable {

  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();

  KubectlProcess(Process process) {
    this.process = process;
    collect(process.getInputStream(), out);
    collect(process.getErrorStream(), err);
  }

  public List<String> out() {
    return List.copyOf(out);
  }

  List<String> err() {
    return List.copyOf(err);
  }

  Process process() {
    return process;
  }

  private static void collect(InputStream stream, List<String> lines) {
    Thread.ofVirtual().start(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        reader.lines().forEach(lines::add);
      } catch (IOException | UncheckedIOException streamClosed) {
        // The process ended or was stopped.
      }
    });
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}

package dev.progressive.operator.dev;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** A server program (Prometheus, Alertmanager) run as a child process on 127.0.0.1 until closed. */
final class LocalServer implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(200);

  private final URI url;
  private final Process process;

  private LocalServer(URI url, Process process) {
    this.url = url;
    this.process = process;
  }

  /** Starts the command, its output in {@code log}, and returns once {@code url/-/ready} answers 200. */
  static LocalServer start(String name, List<String> command, URI url, Path log) {
    var process = ChildProcesses.start(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()));
    var server = new LocalServer(url, process);
    var http = HttpClient.newBuilder().connectTimeout(POLL).build();
    var deadline = Instant.now().plus(STARTUP);
    while (!ready(http, url)) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        var state = process.isAlive() ? "still running" : "exited with " + process.exitValue();
        server.close();
        throw new IllegalStateException(name + " did not become ready within " + STARTUP.toSeconds() + "s (" + state
            + "); its log " + log + " ends with:\n" + tail(log));
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
    return server;
  }

  /** Empties {@code directory}: each start begins without the data of the last one. */
  static Path freshDirectory(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (var paths = Files.walk(directory)) {
        for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return Files.createDirectories(directory);
  }

  URI url() {
    return url;
  }

  private static boolean ready(HttpClient http, URI url) {
    try {
      return http.send(HttpRequest.newBuilder(url.resolve("/-/ready")).timeout(Duration.ofSeconds(1)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String tail(Path log) {
    try {
      var lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    ChildProcesses.stop(process, Duration.ofSeconds(10));
  }
}

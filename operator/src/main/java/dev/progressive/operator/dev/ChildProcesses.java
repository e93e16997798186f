package dev.progressive.operator.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process the dev environment starts (agents, Prometheus, Alertmanager), so that none outlives
 * the JVM: one shutdown hook kills whatever is still running, also when a test fails or the user
 * presses Ctrl-C before anything was closed in order.
 */
public final class ChildProcesses {
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  private static volatile boolean exiting;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      exiting = true;
      RUNNING.forEach(process -> stop(process, Duration.ZERO));
    }, "child-processes-reaper"));
  }

  private ChildProcesses() {}

  /** Starts the process and tracks it until {@link #stop}. */
  static Process start(ProcessBuilder builder) {
    try {
      var process = builder.start();
      RUNNING.add(process);
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + builder.command(), e);
    }
  }

  /**
   * Stops the process and its descendants: SIGTERM, so that it drains as in a pod, then SIGKILL once
   * {@code grace} passed. Returns once the process is gone.
   */
  static void stop(Process process, Duration grace) {
    var tree = process.descendants().toList();
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      RUNNING.remove(process);
    }
  }

  /** Whether the JVM is exiting, and so killing every child: their deaths are expected, not crashes. */
  static boolean exiting() {
    return exiting;
  }

  /** How many started processes are still tracked: none once everything was closed. */
  public static int running() {
    RUNNING.removeIf(process -> !process.isAlive());
    return RUNNING.size();
  }
}

package dev.progressive.operator.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * What was started, closed newest first: a part is closed before the parts it was started on. Each
 * part is closed even when another fails to close, so that a half-finished start or a shutdown leaves
 * nothing running.
 *
 * <pre>{@code
 * var parts = new Closer();
 * try {
 *   var cluster = parts.add(DevCluster.start());
 *   parts.add(RunningOperator.start(cluster.client(), ...));
 * } catch (Throwable failure) {
 *   parts.close();
 *   throw failure;
 * }
 * }</pre>
 */
public final class Closer implements AutoCloseable {
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  /** Adds a part that has just started; answers it. */
  public synchronized <T extends AutoCloseable> T add(T part) {
    started.push(part);
    return part;
  }

  @Override
  public void close() {
    for (var part = next(); part.isPresent(); part = next()) {
      try {
        part.get().close();
      } catch (Exception e) {
        // Stopping: whoever could handle it is stopping too, so stderr is all that is left.
        System.err.println("While stopping: " + e);
      }
    }
  }

  // Taken one at a time, so that a part closing on one thread is never closed again on another.
  private synchronized Optional<AutoCloseable> next() {
    return Optional.ofNullable(started.poll());
  }
}

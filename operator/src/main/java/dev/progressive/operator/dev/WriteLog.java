package dev.progressive.operator.dev;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the write requests the cluster received and remembers the latest few, so that a test can assert
 * "nothing was written" and, when that fails, say what was.
 */
final class WriteLog {

  private static final int RECENT_LIMIT = 200;

  private final AtomicLong count = new AtomicLong();
  private final Deque<String> recent = new ArrayDeque<>();

  void record(String method, String path) {
    count.incrementAndGet();
    synchronized (recent) {
      if (recent.size() == RECENT_LIMIT) {
        recent.removeFirst();
      }
      recent.addLast(method + " " + path);
    }
  }

  long count() {
    return count.get();
  }

  List<String> recent() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }
}

package dev.progressive.operator.dev;

import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * The watches the front serves, fed by the store's writes as they happen: each change becomes one event
 * for each watch it matches, its object the stored JSON as it is. (The mock's own watches parse and write every
 * object again for every watcher, on the thread that serves all requests, and reach the front over a WebSocket.)
 */
final class StoreWatches {
  private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();

  /**
   * A watch event: its type, the object's stored JSON, and whether it is one of the ADDED events a watch starts
   * with (which a client that listed before may have seen already).
   */
  record Event(String type, String object, boolean initial) {
    /** The event as a line of a watch stream. */
    String line() {
      return "{\"type\":\"" + type + "\",\"object\":" + object + "}";
    }
  }

  /** One open watch: its events in order; an empty element means the watch has ended. */
  final class Watcher implements AutoCloseable {
    private final AttributeSet query;
    private final BlockingQueue<Optional<Event>> events = new LinkedBlockingQueue<>();

    private Watcher(AttributeSet query) {
      this.query = query;
    }

    BlockingQueue<Optional<Event>> events() {
      return events;
    }

    private void send(String type, String object) {
      events.add(Optional.of(new Event(type, object, false)));
    }

    @Override
    public void close() {
      watchers.remove(this);
    }
  }

  /**
   * Opens a watch of what {@code query} selects, starting with an ADDED event for each stored object it selects,
   * as the API server does for a watch without a resource version. Holds the lock that {@link #write} holds,
   * so that no write falls between the objects listed and the watch registered.
   */
  synchronized Watcher open(AttributeSet query, Map<AttributeSet, String> store) {
    var watcher = new Watcher(query);
    synchronized (store) {
      store.forEach((key, object) -> {
        if (key.matches(query)) {
          watcher.events.add(Optional.of(new Event("ADDED", object, true)));
        }
      });
    }
    watchers.add(watcher);
    return watcher;
  }

  /** What a write of the store changed: the old key and object, and the new ones (null when deleted). */
  record Change(AttributeSet oldKey, String oldObject, AttributeSet newKey, String newObject) {}

  /** Runs a write of the store and tells its change, as one step for {@link #open}. */
  synchronized void write(Supplier<Change> write) {
    var change = write.get();
    if (Objects.equals(change.oldObject(), change.newObject())) {
      return;
    }
    for (var watcher : watchers) {
      boolean matchedOld = change.oldKey() != null && change.oldKey().matches(watcher.query);
      boolean matchesNew = change.newKey() != null && change.newKey().matches(watcher.query);
      if (matchedOld && matchesNew) {
        watcher.send("MODIFIED", change.newObject());
      } else if (matchedOld) {
        watcher.send("DELETED", change.oldObject());
      } else if (matchesNew) {
        watcher.send("ADDED", change.newObject());
      }
    }
  }

  /** Ends every open watch, as a stopping API server does. */
  void endAll() {
    watchers.forEach(watcher -> watcher.events.add(Optional.empty()));
  }
}

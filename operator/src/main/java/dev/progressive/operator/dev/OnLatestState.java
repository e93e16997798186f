package dev.progressive.operator.dev;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Consumer;

/** An informer handler for stand-ins that act on each object's latest state and have nothing to do on deletion. */
record OnLatestState<T>(Consumer<T> action) implements ResourceEventHandler<T> {
  @Override
  public void onAdd(T object) {
    action.accept(object);
  }

  @Override
  public void onUpdate(T before, T object) {
    action.accept(object);
  }

  @Override
  public void onDelete(T object, boolean finalStateUnknown) {
    // Nothing to undo: see the stand-in that uses this.
  }
}

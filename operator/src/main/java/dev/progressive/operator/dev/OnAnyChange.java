package dev.progressive.operator.dev;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;

/** An informer handler for loops that look at the whole picture again whenever anything changed. */
record OnAnyChange<T>(Runnable action) implements ResourceEventHandler<T> {
  @Override
  public void onAdd(T object) {
    action.run();
  }

  @Override
  public void onUpdate(T before, T object) {
    action.run();
  }

  @Override
  public void onDelete(T object, boolean finalStateUnknown) {
    action.run();
  }
}

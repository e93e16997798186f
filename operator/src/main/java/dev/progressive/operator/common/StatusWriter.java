package dev.progressive.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.util.function.UnaryOperator;

/**
 * Writes a primary's status with optimistic locking and puts the answer in the controller's cache.
 * A status computed from a stale copy then fails with a conflict (and the reconcile is retried on a
 * fresh one) instead of being patched onto newer state, and the next reconcile sees what was written
 * even before the watch delivers it. Lists such as an Incident's step records depend on both. A status
 * decided after the controller stopped is not written ({@link ControllerStopped}).
 */
public final class StatusWriter {
  private static final int NO_RETRY = 0;

  private StatusWriter() {}

  public static <P extends HasMetadata> P write(P resource, Context<P> context) {
    ControllerStopped.refuseIfStopped(resource, context);
    return PrimaryUpdateAndCacheUtils.updateAndCacheResource(resource, context, UnaryOperator.identity(),
        r -> context.getClient().resource(r).updateStatus(), NO_RETRY,
        PrimaryUpdateAndCacheUtils.DEFAULT_RESOURCE_CACHE_TIMEOUT_MILLIS,
        PrimaryUpdateAndCacheUtils.DEFAULT_RESOURCE_CACHE_POLL_PERIOD_MILLIS);
  }
}

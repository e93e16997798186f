package dev.progressive.runtime.faults;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Applies the current {@link FaultPlan}. Errors are spread evenly instead of drawn at random: after
 * n requests exactly floor(n x ratio) have failed, so a test (or an alert threshold) sees the
 * configured ratio without statistical slack.
 */
public final class FaultInjector {
  private record Active(FaultPlan plan, AtomicLong requests) {
  }

  private final AtomicReference<Active> active =
      new AtomicReference<>(new Active(FaultPlan.NONE, new AtomicLong()));

  public FaultPlan plan() {
    return active.get().plan();
  }

  /** Replaces the plan and restarts the error count, so the ratio holds from this moment on. */
  public void apply(FaultPlan plan) {
    active.set(new Active(plan, new AtomicLong()));
  }

  /** Counts one request and answers whether it is one of those that must fail. */
  public boolean nextFails() {
    Active current = active.get();
    double ratio = current.plan().errorRatio();
    if (ratio <= 0) {
      return false;
    }
    long n = current.requests().incrementAndGet();
    return Math.floor(n * ratio) > Math.floor((n - 1) * ratio);
  }
}

package dev.progressive.operator.e2e;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Callers of NPA: a meal-plan request every 50 ms, round-robin over the given replicas, until closed. */
final class MealPlanTraffic implements AutoCloseable {
  private final ScheduledExecutorService callers = Executors.newSingleThreadScheduledExecutor();
  private final Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();

  MealPlanTraffic(List<URI> replicas) {
    this(() -> replicas);
  }

  /** Round-robin over the replicas {@code replicas} gives at each call, as a Service spreads its traffic. */
  MealPlanTraffic(Supplier<List<URI>> replicas) {
    callers.scheduleAtFixedRate(() -> {
      var now = replicas.get();
      if (now.isEmpty()) {
        return;
      }
      var replica = now.get(Math.floorMod(next.getAndIncrement(), now.size()));
      int status;
      try {
        status = AgentCalls.mealPlan(replica);
      } catch (RuntimeException e) {
        status = 0;
      }
      answers.computeIfAbsent(status, s -> new LongAdder()).increment();
    }, 0, 50, TimeUnit.MILLISECONDS);
  }

  /** How many answers had the status (0: no answer). */
  long count(int status) {
    return answers.getOrDefault(status, new LongAdder()).sum();
  }

  @Override
  public void close() throws InterruptedException {
    callers.shutdownNow();
    callers.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Override
  public String toString() {
    return "answers by status " + answers;
  }
}

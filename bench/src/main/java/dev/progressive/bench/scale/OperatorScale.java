package dev.progressive.bench.scale;

import dev.progressive.bench.ApiQuiet;
import dev.progressive.bench.BenchAgents;
import dev.progressive.bench.Machine;
import java.time.Duration;
import java.util.Optional;

/**
 * Operator scale: N agents on the embedded API, created by a plain client that also writes their
 * children and status (the baseline, the floor of API work), then by the real operator in its own JVM,
 * and with {@code --unrelated M} once more by the operator on an API that already holds M objects that
 * are not its own. Each run gets a fresh API. Usage: {@code OperatorScale [--agents N] [--unrelated M]}
 * (defaults 100 and 0).
 */
public final class OperatorScale {
  private static final double MIB = 1024 * 1024;

  /** Writes are those the API received from the first create on; heaps are after full collections. */
  /** @param idleRequests what the client had sent once started, before the first agent: its informers' lists and watches */
  record Run(double readySeconds, int ready, RequestCounts requests, RequestCounts idleRequests, long apiWrites, int children,
      long idleHeap, long heap, long rss) {
    /**
     * What the client sends per agent: its requests above those it sent before the first agent, without the API
     * discovery it repeats on a timer.
     */
    double requestsPerAgent(int agents) {
      return (requests.withoutDiscovery() - idleRequests.withoutDiscovery()) / (double) agents;
    }

    /** What the process keeps per agent: its heap above what it held before the first agent. */
    double heapPerAgent(int agents) {
      return (heap - idleHeap) / (double) agents;
    }
  }

  record Resync(double seconds, long reconciled, RequestCounts requests, long apiWrites, long heap, long rss) {
  }

  /** An operator run on an API holding objects that are not the operator's, counted before and after it. */
  record Unrelated(int objects, double createSeconds, int storedBefore, int storedAfter, Run run) {
  }

  /** A measured run's Ready time, the API's writes before it, and the heap held and requests sent before it. */
  private record Window(double readySeconds, long writesBefore, long idleHeap, RequestCounts idleRequests) {
  }

  record Options(int agents, int unrelated) {
    static Options parse(String[] args) {
      int agents = 100;
      int unrelated = 0;
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException(args[i] + " needs a number");
        }
        switch (args[i]) {
          case "--agents" -> agents = Integer.parseInt(args[i + 1]);
          case "--unrelated" -> unrelated = Integer.parseInt(args[i + 1]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Options(agents, unrelated);
    }
  }

  private OperatorScale() {}

  public static void main(String[] args) throws Exception {
    var options = Options.parse(args);
    int agents = options.agents();
    // Bounded: far above what the mock needs (about 130 objects/s), so a hang ends the run instead.
    Duration patience = Duration.ofSeconds(60 + agents / 2);
    System.out.println(Machine.describe());
    System.out.printf("operator scale: %d copies of samples/agent-npa.yaml in one namespace of the embedded API%n", agents);
    Run baseline = baseline(agents, patience);
    System.out.printf("baseline done: %d Ready in %.1f s%n", baseline.ready(), baseline.readySeconds());
    Run operator;
    Resync resync;
    try (var cluster = new ScaleCluster()) {
      operator = operator(cluster, agents, patience);
      System.out.printf("operator done: %d Ready in %.1f s%n", operator.ready(), operator.readySeconds());
      resync = resync(cluster, agents, patience);
    }
    Optional<Unrelated> unrelated = options.unrelated() > 0
        ? Optional.of(withUnrelated(agents, options.unrelated(), patience)) : Optional.empty();
    new ScaleReport(agents, baseline, operator, resync, unrelated).print(System.out);
  }

  private static Run baseline(int agents, Duration patience) throws InterruptedException {
    try (var cluster = new ScaleCluster();
         var client = ChildJvm.start(BaselineProcess.class, cluster.url(), Integer.toString(agents))) {
      long idleHeap = idleHeap(client);
      var idleRequests = RequestCounts.parse(client.ask("requests"));
      long writesBefore = cluster.dev().writeCount();
      long start = System.nanoTime();
      long clientMillis = Long.parseLong(client.ask("create"));
      System.out.printf("baseline client wrote everything in %.1f s%n", clientMillis / 1000.0);
      int ready = cluster.awaitReady(agents, patience);
      double seconds = secondsSince(start);
      awaitQuiet(cluster);
      return measured(cluster, client, new Window(seconds, writesBefore, idleHeap, idleRequests), ready);
    }
  }

  private static Run operator(ScaleCluster cluster, int agents, Duration patience) throws InterruptedException {
    try (var operator = ChildJvm.start(OperatorProcess.class, cluster.url());
         var creator = BenchClients.forUrl(cluster.url())) {
      long idleHeap = idleHeap(operator);
      var idleRequests = RequestCounts.parse(operator.ask("requests"));
      long writesBefore = cluster.dev().writeCount();
      long start = System.nanoTime();
      for (int i = 0; i < agents; i++) {
        creator.resource(BenchAgents.agent(BenchAgents.NAMESPACE, i)).create();
      }
      int ready = cluster.awaitReady(agents, patience);
      double seconds = secondsSince(start);
      awaitQuiet(cluster);
      return measured(cluster, operator, new Window(seconds, writesBefore, idleHeap, idleRequests), ready);
    }
  }

  /**
   * The operator run again on a fresh API that first gets {@code objects} unrelated objects; creating
   * them is timed apart and precedes the operator's start, so its informers list them (or not) at once.
   */
  private static Unrelated withUnrelated(int agents, int objects, Duration patience) throws InterruptedException {
    try (var cluster = new ScaleCluster()) {
      long millis;
      try (var client = BenchClients.forUrl(cluster.url())) {
        millis = UnrelatedObjects.create(client, objects);
      }
      int storedBefore = UnrelatedObjects.stored(cluster.dev().client());
      System.out.printf("%d unrelated objects created in %.1f s; the API holds %d%n", objects, millis / 1000.0,
          storedBefore);
      awaitQuiet(cluster);
      Run run = operator(cluster, agents, patience);
      System.out.printf("operator with unrelated objects done: %d Ready in %.1f s%n", run.ready(), run.readySeconds());
      return new Unrelated(objects, millis / 1000.0, storedBefore, UnrelatedObjects.stored(cluster.dev().client()), run);
    }
  }

  private static long idleHeap(ChildJvm child) {
    return Long.parseLong(child.ask("heap"));
  }

  private static Run measured(ScaleCluster cluster, ChildJvm child, Window window, int ready) {
    var requests = RequestCounts.parse(child.ask("requests"));
    System.out.println("its writes by resource and answer: " + child.ask("writes"));
    long writes = cluster.dev().writeCount() - window.writesBefore();
    long heap = Long.parseLong(child.ask("heap"));
    long rss = Machine.rssBytes(child.pid()).orElse(-1L);
    return new Run(window.readySeconds(), ready, requests, window.idleRequests(), writes, cluster.children(),
        window.idleHeap(), heap, rss);
  }

  /** Restarts the operator on the agents it made Ready, and counts what it writes while it catches up. */
  private static Resync resync(ScaleCluster cluster, int agents, Duration patience) throws InterruptedException {
    long writesBefore = cluster.dev().writeCount();
    try (var operator = ChildJvm.start(OperatorProcess.class, cluster.url())) {
      long start = System.nanoTime();
      long deadline = start + patience.toNanos();
      long reconciled = 0;
      while ((reconciled = Long.parseLong(operator.ask("reconciled"))) < agents && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      double seconds = secondsSince(start);
      awaitQuiet(cluster);
      var requests = RequestCounts.parse(operator.ask("requests"));
      long writes = cluster.dev().writeCount() - writesBefore;
      long heap = Long.parseLong(operator.ask("heap"));
      return new Resync(seconds, reconciled, requests, writes, heap, Machine.rssBytes(operator.pid()).orElse(-1L));
    }
  }

  /** Waits until the API has seen no write for 2 s (at most 30 s): late Events and status writes count too. */
  private static void awaitQuiet(ScaleCluster cluster) throws InterruptedException {
    ApiQuiet.await(cluster.dev(), Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(30));
  }

  private static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static double mib(long bytes) {
    return bytes / MIB;
  }
}

package dev.progressive.bench.scale;

import dev.progressive.bench.BenchAgents;
import dev.progressive.bench.Machine;
import java.time.Duration;

/**
 * Operator scale: N agents on the embedded API, created by a plain client that also writes their
 * children and status (the baseline, the floor of API work), then by the real operator in its own JVM.
 * Each run gets a fresh API. Usage: {@code OperatorScale [--agents N]} (default 100).
 */
public final class OperatorScale {
  private static final double MIB = 1024 * 1024;

  record Run(double readySeconds, int ready, RequestCounts requests, long apiWrites, int children, long heap, long rss) {
  }

  record Resync(double seconds, long reconciled, RequestCounts requests, long apiWrites, long heap, long rss) {
  }

  private OperatorScale() {}

  public static void main(String[] args) throws Exception {
    int agents = args.length == 2 && args[0].equals("--agents") ? Integer.parseInt(args[1]) : 100;
    // Bounded: far above what the mock needs (about 130 objects/s), so a hang ends the run instead.
    Duration patience = Duration.ofSeconds(60 + agents / 2);
    System.out.println(Machine.describe());
    System.out.printf("operator scale: %d copies of samples/agent-npa.yaml in one namespace of the embedded API%n", agents);
    Run baseline = baseline(agents, patience);
    System.out.printf("baseline done: %d Ready in %.1f s%n", baseline.ready(), baseline.readySeconds());
    try (var cluster = new ScaleCluster()) {
      Run operator = operator(cluster, agents, patience);
      System.out.printf("operator done: %d Ready in %.1f s%n", operator.ready(), operator.readySeconds());
      Resync resync = resync(cluster, agents, patience);
      new ScaleReport(agents, baseline, operator, resync).print(System.out);
    }
  }

  private static Run baseline(int agents, Duration patience) throws InterruptedException {
    try (var cluster = new ScaleCluster();
         var client = ChildJvm.start(BaselineProcess.class, cluster.url(), Integer.toString(agents))) {
      long start = System.nanoTime();
      long clientMillis = Long.parseLong(client.ask("create"));
      System.out.printf("baseline client wrote everything in %.1f s%n", clientMillis / 1000.0);
      int ready = cluster.awaitReady(agents, patience);
      double seconds = secondsSince(start);
      awaitQuiet(cluster);
      return measured(cluster, client, seconds, ready, agents);
    }
  }

  private static Run operator(ScaleCluster cluster, int agents, Duration patience) throws InterruptedException {
    try (var operator = ChildJvm.start(OperatorProcess.class, cluster.url());
         var creator = BenchClients.forUrl(cluster.url())) {
      long start = System.nanoTime();
      for (int i = 0; i < agents; i++) {
        creator.resource(BenchAgents.agent(BenchAgents.NAMESPACE, i)).create();
      }
      int ready = cluster.awaitReady(agents, patience);
      double seconds = secondsSince(start);
      awaitQuiet(cluster);
      return measured(cluster, operator, seconds, ready, agents);
    }
  }

  private static Run measured(ScaleCluster cluster, ChildJvm child, double seconds, int ready, int agents) {
    var requests = RequestCounts.parse(child.ask("requests"));
    // The mock keeps every request it received; dropped here so that it never counts against anyone.
    cluster.dev().drainRequestLog();
    long heap = Long.parseLong(child.ask("heap"));
    long rss = Machine.rssBytes(child.pid()).orElse(-1L);
    return new Run(seconds, ready, requests, cluster.dev().writeCount(), cluster.children(), heap, rss);
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
      cluster.dev().drainRequestLog();
      long heap = Long.parseLong(operator.ask("heap"));
      return new Resync(seconds, reconciled, requests, writes, heap, Machine.rssBytes(operator.pid()).orElse(-1L));
    }
  }

  /** Waits until the API has seen no write for 2 s (at most 30 s): late Events and status writes count too. */
  private static void awaitQuiet(ScaleCluster cluster) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    long last = cluster.dev().writeCount();
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      long now = cluster.dev().writeCount();
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      }
    }
  }

  private static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static double mib(long bytes) {
    return bytes / MIB;
  }
}

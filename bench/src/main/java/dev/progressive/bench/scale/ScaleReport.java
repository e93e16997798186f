package dev.progressive.bench.scale;

import static dev.progressive.bench.scale.OperatorScale.mib;

import java.io.PrintStream;
import java.util.Optional;

/** The figures of one scale run, side by side with the baseline's, and the targets they aim at. */
record ScaleReport(int agents, OperatorScale.Run baseline, OperatorScale.Run operator, OperatorScale.Resync resync,
    Optional<OperatorScale.Unrelated> unrelated) {
  private static final double READY_RATIO_TARGET = 1.5;
  private static final double REQUESTS_PER_AGENT_TARGET = 8;
  private static final double HEAP_TARGET_MIB = 256;
  private static final double KIB = 1024;

  void print(PrintStream out) {
    out.printf("%-52s %12s %12s %10s%n", "", "baseline", "operator", "ratio");
    row(out, "agents Ready (of " + agents + ")", baseline.ready(), operator.ready());
    row(out, "time until all Ready (s)", baseline.readySeconds(), operator.readySeconds());
    row(out, "agents Ready per second", agents / baseline.readySeconds(), agents / operator.readySeconds());
    row(out, "client's API requests per agent (reads+watches+writes)",
        baseline.requests().total() / (double) agents, operator.requests().total() / (double) agents);
    row(out, "requests per agent after start, without discovery",
        baseline.requestsPerAgent(agents), operator.requestsPerAgent(agents));
    row(out, "client's writes per agent", baseline.requests().writes() / (double) agents,
        operator.requests().writes() / (double) agents);
    row(out, "writes per agent at the API (all clients)", baseline.apiWrites() / (double) agents,
        operator.apiWrites() / (double) agents);
    row(out, "Deployments+Services+ConfigMaps per agent", baseline.children() / (double) agents,
        operator.children() / (double) agents);
    row(out, "client process heap after GC (MiB)", mib(baseline.heap()), mib(operator.heap()));
    row(out, "client process RSS (MiB)", mib(baseline.rss()), mib(operator.rss()));
    row(out, "client process heap after GC before any agent (MiB)", mib(baseline.idleHeap()), mib(operator.idleHeap()));
    row(out, "client process heap per agent above that (KiB)", baseline.heapPerAgent(agents) / KIB,
        operator.heapPerAgent(agents) / KIB);
    out.println("baseline requests per agent: " + baseline.requests().perAgent(agents));
    out.println("operator requests per agent: " + operator.requests().perAgent(agents)
        + "  (the agents' own creation is the benchmark's, not counted here)");
    out.printf("no-change resync (operator restarted): %d reconciles in %.1f s; writes at the API %d"
            + " (operator's own requests: %s); heap after GC %.1f MiB, RSS %.1f MiB%n",
        resync.reconciled(), resync.seconds(), resync.apiWrites(), resync.requests().byKind(),
        mib(resync.heap()), mib(resync.rss()));
    unrelated.ifPresent(run -> unrelated(out, run));
    targets(out);
  }

  /** The operator run again with unrelated objects on the API: what they add to its heap and its time. */
  private void unrelated(PrintStream out, OperatorScale.Unrelated unrelated) {
    int objects = unrelated.objects();
    OperatorScale.Run run = unrelated.run();
    out.printf("with %d unrelated objects (Deployments, Services, ConfigMaps in %d other namespaces, another"
            + " tool's labels): created in %.1f s before the operator started (not measured); the API held %d"
            + " before the operator run and %d after%n", objects, UnrelatedObjects.NAMESPACES,
        unrelated.createSeconds(), unrelated.storedBefore(), unrelated.storedAfter());
    String with = " with " + objects + " unrelated objects";
    line(out, "operator heap after GC before any agent" + with + " (MiB)", mib(run.idleHeap()));
    line(out, "operator heap after GC" + with + " (MiB)", mib(run.heap()));
    out.printf("%-80s %+12.2f  (before any agent %+.2f; the unrelated ConfigMaps' data alone is %.2f)%n",
        "heap difference from the unrelated objects (MiB)", mib(run.heap() - operator.heap()),
        mib(run.idleHeap() - operator.idleHeap()), mib(UnrelatedObjects.configMapDataBytes(objects)));
    line(out, "operator heap per agent above the idle heap" + with + " (KiB)", run.heapPerAgent(agents) / KIB);
    line(out, "agents Ready" + with + " (of " + agents + ")", run.ready());
    out.printf("%-80s %12.2f  (%.2fx the operator's without them)%n", "time until all Ready" + with + " (s)",
        run.readySeconds(), run.readySeconds() / operator.readySeconds());
    line(out, "client's API requests per agent" + with, run.requests().total() / (double) agents);
    line(out, "requests per agent after start, without discovery" + with, run.requestsPerAgent(agents));
    out.println("operator requests per agent" + with + ": " + run.requests().perAgent(agents));
  }

  private void targets(PrintStream out) {
    double ratio = operator.readySeconds() / baseline.readySeconds();
    out.printf("target: all Ready within %.1fx the baseline: %.2fx %s%n", READY_RATIO_TARGET, ratio,
        verdict(operator.ready() == agents && ratio <= READY_RATIO_TARGET));
    // A started operator has listed and watched once per informer; that does not grow with the agents.
    double perAgent = Math.max(operator.requestsPerAgent(agents), unrelated.map(u -> u.run().requestsPerAgent(agents)).orElse(0.0));
    out.printf("target: at most %.0f requests per agent (above the started operator's %d lists and watches, without API"
            + " discovery): %.3f %s%n", REQUESTS_PER_AGENT_TARGET, operator.idleRequests().withoutDiscovery(), perAgent,
        verdict(perAgent <= REQUESTS_PER_AGENT_TARGET));
    out.printf("target: no writes on a no-change resync: %d %s%n", resync.apiWrites(), verdict(resync.apiWrites() == 0));
    double heap = Math.max(mib(operator.heap()), mib(resync.heap()));
    out.printf("target: heap under %.0f MiB (at 1,000 agents): %.1f MiB at %d agents %s%n", HEAP_TARGET_MIB, heap,
        agents, verdict(heap < HEAP_TARGET_MIB));
  }

  private static void row(PrintStream out, String name, double baseline, double operator) {
    out.printf("%-52s %12.2f %12.2f %10.2f%n", name, baseline, operator, operator / baseline);
  }

  private static void line(PrintStream out, String name, double value) {
    out.printf("%-80s %12.2f%n", name, value);
  }

  private static String verdict(boolean met) {
    return met ? "(met)" : "(MISSED)";
  }
}

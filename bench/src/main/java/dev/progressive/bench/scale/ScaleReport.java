package dev.progressive.bench.scale;

import static dev.progressive.bench.scale.OperatorScale.mib;

import java.io.PrintStream;

/** The figures of one scale run, side by side with the baseline's, and the targets they aim at. */
record ScaleReport(int agents, OperatorScale.Run baseline, OperatorScale.Run operator, OperatorScale.Resync resync) {
  private static final double READY_RATIO_TARGET = 1.5;
  private static final double HEAP_TARGET_MIB = 256;

  void print(PrintStream out) {
    out.printf("%-52s %12s %12s %10s%n", "", "baseline", "operator", "ratio");
    row(out, "agents Ready (of " + agents + ")", baseline.ready(), operator.ready());
    row(out, "time until all Ready (s)", baseline.readySeconds(), operator.readySeconds());
    row(out, "agents Ready per second", agents / baseline.readySeconds(), agents / operator.readySeconds());
    row(out, "client's API requests per agent (reads+watches+writes)",
        baseline.requests().total() / (double) agents, operator.requests().total() / (double) agents);
    row(out, "client's writes per agent", baseline.requests().writes() / (double) agents,
        operator.requests().writes() / (double) agents);
    row(out, "writes per agent at the API (all clients)", baseline.apiWrites() / (double) agents,
        operator.apiWrites() / (double) agents);
    row(out, "Deployments+Services+ConfigMaps per agent", baseline.children() / (double) agents,
        operator.children() / (double) agents);
    row(out, "client process heap after GC (MiB)", mib(baseline.heap()), mib(operator.heap()));
    row(out, "client process RSS (MiB)", mib(baseline.rss()), mib(operator.rss()));
    out.println("baseline requests per agent: " + baseline.requests().perAgent(agents));
    out.println("operator requests per agent: " + operator.requests().perAgent(agents)
        + "  (the agents' own creation is the benchmark's, not counted here)");
    out.printf("no-change resync (operator restarted): %d reconciles in %.1f s; writes at the API %d"
            + " (operator's own requests: %s); heap after GC %.1f MiB, RSS %.1f MiB%n",
        resync.reconciled(), resync.seconds(), resync.apiWrites(), resync.requests().byKind(),
        mib(resync.heap()), mib(resync.rss()));
    targets(out);
  }

  private void targets(PrintStream out) {
    double ratio = operator.readySeconds() / baseline.readySeconds();
    out.printf("target: all Ready within %.1fx the baseline: %.2fx %s%n", READY_RATIO_TARGET, ratio,
        verdict(operator.ready() == agents && ratio <= READY_RATIO_TARGET));
    out.printf("target: no writes on a no-change resync: %d %s%n", resync.apiWrites(), verdict(resync.apiWrites() == 0));
    double heap = Math.max(mib(operator.heap()), mib(resync.heap()));
    out.printf("target: heap under %.0f MiB (at 1,000 agents): %.1f MiB at %d agents %s%n", HEAP_TARGET_MIB, heap,
        agents, verdict(heap < HEAP_TARGET_MIB));
  }

  private static void row(PrintStream out, String name, double baseline, double operator) {
    out.printf("%-52s %12.2f %12.2f %10.2f%n", name, baseline, operator, operator / baseline);
  }

  private static String verdict(boolean met) {
    return met ? "(met)" : "(MISSED)";
  }
}

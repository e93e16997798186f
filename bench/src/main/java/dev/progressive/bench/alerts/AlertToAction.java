package dev.progressive.bench.alerts;

import dev.progressive.bench.BenchAgents;
import dev.progressive.bench.Machine;
import dev.progressive.bench.Percentiles;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.Mitigation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Alert to action: Alertmanager notifications posted to the operator's webhook, timed to the 2xx (the
 * Incident is stored) and to the mitigation applied (the agent's Deployment shows the scaled replicas);
 * single alerts one after another, then a storm of repeated deliveries. Baselines: the same posts to a
 * Helidon handler that only answers 200 (the HTTP cost alone), and the same deliveries as plain creates
 * on the embedded API (its cost of storing them, see {@link ApiFloor}).
 */
public final class AlertToAction {
  private static final int WARMUP = 30;
  /** Two namespaces of single alerts, as a playbook runs at most 60 times an hour; of 100, the p99 is not the max. */
  private static final List<String> SINGLE_NAMESPACES = List.of("bench-single", "bench-single-2");
  private static final int SINGLE_PER_NAMESPACE = 50;
  private static final int SINGLE = SINGLE_PER_NAMESPACE * SINGLE_NAMESPACES.size();
  private static final int FINGERPRINTS = 50;
  private static final int STORM_POSTS = 1_000;
  private static final Duration STORM_SPAN = Duration.ofSeconds(10);
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Duration QUIET = Duration.ofMillis(100);
  private static final double MITIGATION_P99_TARGET_MS = 100;
  private static final double STORM_MITIGATION_P50_TARGET_MS = 1_000;
  private static final int GROUP_ALERTS = 1_000;
  private static final double GROUP_ANSWER_TARGET_MS = 2_000;

  record Latencies(Percentiles answer, Percentiles mitigation, long failed) {
  }

  private AlertToAction() {}

  public static void main(String[] args) throws Exception {
    System.out.println(Machine.describe());
    try (var cluster = new RemediationCluster();
         var watch = new ScaleWatch(cluster.client(), AlertScenario.SCALED_REPLICAS);
         var operator = new WebhookPoster(cluster.webhook(), cluster.token());
         var trivial = new TrivialWebhook();
         var baseline = new WebhookPoster(trivial.webhook(), cluster.token());
         var floor = new ApiFloor(cluster.client(), "bench-api-floor")) {
      if (List.of(args).contains("--group-only")) {
        largeGroup(cluster, operator);
        apiRate(cluster);
        return;
      }
      var warmUp = new AlertScenario(cluster.client(), "bench-warm-up", "BenchWarmUpAlert", WARMUP).create();
      var single = SINGLE_NAMESPACES.stream()
          .map(ns -> new AlertScenario(cluster.client(), ns, "BenchSingleAlert", SINGLE_PER_NAMESPACE).create()).toList();
      var storm = new AlertScenario(cluster.client(), "bench-storm", "BenchAlertStorm", FINGERPRINTS).create();
      warmUp.awaitReady(PATIENCE);
      for (var scenario : single) {
        scenario.awaitReady(PATIENCE);
      }
      storm.awaitReady(PATIENCE);
      System.out.printf("alert to action: playbook steps %s, scale to %d replicas; %d warm-up alerts not counted%n",
          AlertScenario.STEPS, AlertScenario.SCALED_REPLICAS, WARMUP);
      singles(cluster, List.of(warmUp), operator, watch);
      Latencies singleOperator = singles(cluster, single, operator, watch);
      Latencies singleBaseline = singles(cluster, single, baseline, null);
      Latencies singleFloor = singles(cluster, single, floor, null);
      Latencies stormOperator = storm(storm, operator, watch);
      var audit = StormAudit.of(storm.awaitStepsFinished(PATIENCE), watch, storm.namespace);
      Latencies stormBaseline = storm(storm, baseline, null);
      Latencies stormFloor = storm(storm, floor, null);
      print(List.of(singleOperator, singleBaseline, singleFloor), List.of(stormOperator, stormBaseline, stormFloor), audit);
      largeGroup(cluster, operator);
      apiRate(cluster);
    }
  }

  /** The operator's client sends through the same rate limit as `run`'s, set high here; its peak must stay under it. */
  private static void apiRate(RemediationCluster cluster) {
    long peak = cluster.peakApiRequestRate();
    int limit = RemediationCluster.API_QPS + RemediationCluster.API_BURST;
    System.out.printf("peak API request rate of the operator's client: %d requests in one second (limit: qps %d + burst %d)"
        + " %s%n", peak, RemediationCluster.API_QPS, RemediationCluster.API_BURST, peak <= limit ? "(within)" : "(EXCEEDED)");
  }

  /**
   * One notification of {@link #GROUP_ALERTS} alerts about one agent, as Alertmanager sends a large
   * group, then the same body again: each answer waits until every Incident is stored.
   */
  private static void largeGroup(RemediationCluster cluster, WebhookPoster operator) throws InterruptedException {
    var scenario = new AlertScenario(cluster.client(), "bench-group", "BenchLargeGroup", 1).create();
    scenario.awaitReady(PATIENCE);
    var body = WebhookBodies.group("BenchLargeGroup", scenario.namespace, BenchAgents.name(0), GROUP_ALERTS);
    var first = operator.send(body).join();
    var repeat = operator.send(body).join();
    var incidents = scenario.awaitDecided(PATIENCE);
    long acted = incidents.stream().filter(i -> i.getStatus().getPhase() != IncidentPhase.Suppressed).count();
    long busy = incidents.stream().filter(i -> "ResourceBusy".equals(i.getStatus().getReason())).count();
    long scales = incidents.stream().flatMap(i -> i.getStatus().getMitigations().stream())
        .filter(m -> m.getType() == Mitigation.Type.scale).count();
    System.out.printf("large group (1 body of %d alerts about one agent, posted twice)%n", GROUP_ALERTS);
    System.out.printf("  %-48s %.0f ms (HTTP %d); again: %.0f ms (HTTP %d)%n", "webhook answered, every Incident stored",
        first.millis(), first.status(), repeat.millis(), repeat.status());
    System.out.printf("group result: %d Incidents decided, %d acted, %d suppressed as ResourceBusy, %d scale mitigations%n",
        incidents.size(), acted, busy, scales);
    System.out.printf("target: a %d-alert body answered within %.0f ms: %.0f ms %s; one Incident acts: %s%n", GROUP_ALERTS,
        GROUP_ANSWER_TARGET_MS, first.millis(), verdict(first.millis() < GROUP_ANSWER_TARGET_MS),
        verdict(acted == 1 && scales == 1));
  }

  /**
   * One alert at a time, each about its own agent; the next is posted once the last one's Incident has recorded
   * all its steps and the API has seen no write for a while (the agent's status, its Events), so that each is
   * measured alone rather than beside the end of the one before.
   */
  private static Latencies singles(RemediationCluster cluster, List<AlertScenario> scenarios, AlertSink sink,
      ScaleWatch watch) throws InterruptedException {
    List<Double> answers = new ArrayList<>();
    List<Double> mitigations = new ArrayList<>();
    long failed = 0;
    for (var scenario : scenarios) {
      for (int i = 0; i < scenario.agents; i++) {
        if (watch != null) {
          scenario.awaitQuiet(PATIENCE);
          cluster.awaitNoWrites(QUIET, PATIENCE);
        }
        var alert = scenario.alert(i);
        long sent = System.nanoTime();
        var answer = sink.send(alert).join();
        failed += answer.ok() ? 0 : 1;
        answers.add(answer.millis());
        if (watch != null) {
          watch.awaitScaled(alert.namespace(), alert.agent(), PATIENCE).ifPresent(at -> mitigations.add((at - sent) / 1e6));
        }
      }
    }
    return new Latencies(Percentiles.of(answers), Percentiles.of(mitigations), failed);
  }

  /** {@link #STORM_POSTS} posts evenly over {@link #STORM_SPAN}, cycling through the fingerprints. */
  private static Latencies storm(AlertScenario scenario, AlertSink sink, ScaleWatch watch)
      throws InterruptedException {
    var futures = new ArrayList<CompletableFuture<AlertSink.Answer>>();
    Map<Integer, Long> firstSent = new HashMap<>();
    long interval = STORM_SPAN.toNanos() / STORM_POSTS;
    long start = System.nanoTime();
    for (int k = 0; k < STORM_POSTS; k++) {
      LockSupport.parkNanos(start + k * interval - System.nanoTime());
      int agent = k % FINGERPRINTS;
      firstSent.putIfAbsent(agent, System.nanoTime());
      futures.add(sink.send(scenario.alert(agent)));
    }
    List<AlertSink.Answer> answers = futures.stream().map(CompletableFuture::join).toList();
    List<Double> mitigations = new ArrayList<>();
    if (watch != null) {
      for (int agent = 0; agent < FINGERPRINTS; agent++) {
        var alert = scenario.alert(agent);
        long sent = firstSent.get(agent);
        watch.awaitScaled(alert.namespace(), alert.agent(), PATIENCE).ifPresent(at -> mitigations.add((at - sent) / 1e6));
      }
    }
    return new Latencies(Percentiles.of(answers.stream().map(AlertSink.Answer::millis).toList()),
        Percentiles.of(mitigations), answers.stream().filter(a -> !a.ok()).count());
  }

  /** Each list: the operator, the trivial handler, the API floor. */
  private static void print(List<Latencies> single, List<Latencies> storm, StormAudit audit) {
    System.out.printf("single alerts (%d, one after another, each on its own agent)%n", SINGLE);
    answers(single);
    row("post to mitigation applied (Deployment scaled)", single.get(0).mitigation(), 0);
    System.out.printf("storm (%d posts over %d s, %d fingerprints, %d deliveries each)%n", STORM_POSTS,
        STORM_SPAN.toSeconds(), FINGERPRINTS, STORM_POSTS / FINGERPRINTS);
    answers(storm);
    row("first delivery to mitigation applied", storm.get(0).mitigation(), 0);
    System.out.println("storm result: " + audit);
    double singleP99 = single.get(0).mitigation().p99();
    double stormP50 = storm.get(0).mitigation().p50();
    // The storm's p99 is its last deliveries' wait behind the first ones: shown, not a target.
    System.out.printf("target: webhook to mitigation p99 under %.0f ms: single %.1f ms %s (storm p99 %.1f ms)%n",
        MITIGATION_P99_TARGET_MS, singleP99, verdict(singleP99 < MITIGATION_P99_TARGET_MS),
        storm.get(0).mitigation().p99());
    System.out.printf("target: storm first delivery to mitigation p50 under %.0f ms: %.1f ms %s%n",
        STORM_MITIGATION_P50_TARGET_MS, stormP50, verdict(stormP50 < STORM_MITIGATION_P50_TARGET_MS));
    System.out.printf("target: storm gives exactly %d Incidents and no duplicate action: %s%n", FINGERPRINTS,
        verdict(audit.clean(FINGERPRINTS)));
  }

  private static String verdict(boolean met) {
    return met ? "(met)" : "(MISSED)";
  }

  private static void answers(List<Latencies> runs) {
    row("webhook answered, Incident stored (operator)", runs.get(0).answer(), runs.get(0).failed());
    row("webhook answered (trivial Helidon handler)", runs.get(1).answer(), runs.get(1).failed());
    row("plain create on the embedded API (API floor)", runs.get(2).answer(), runs.get(2).failed());
    ratio("operator/trivial handler", runs.get(0).answer(), runs.get(1).answer());
    ratio("operator/API floor", runs.get(0).answer(), runs.get(2).answer());
  }

  private static void row(String name, Percentiles latencies, long failed) {
    System.out.printf("  %-48s %s%s%n", name, latencies, failed == 0 ? "" : ", " + failed + " not 2xx");
  }

  private static void ratio(String name, Percentiles a, Percentiles b) {
    System.out.printf("  %-48s p50 x%.2f, p99 x%.2f%n", name, a.p50() / b.p50(), a.p99() / b.p99());
  }
}

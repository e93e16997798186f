package dev.progressive.operator.e2e;

import static dev.progressive.operator.e2e.EndToEndEnvironment.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.UserEdits;
import dev.progressive.operator.api.Delivery;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.Monitoring;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.RolloutCheck;
import dev.progressive.operator.api.RolloutCheck.Verdict;
import dev.progressive.operator.api.RolloutPhase;
import dev.progressive.operator.api.RolloutStatus;
import dev.progressive.operator.api.Slo;
import dev.progressive.operator.cli.Manifests;
import dev.progressive.operator.dev.ChildProcesses;
import dev.progressive.operator.dev.Kubectl;
import dev.progressive.operator.dev.LocalPrometheus;
import dev.progressive.operator.dev.LocalAgentProcesses.Replica;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.HashMap;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rollouts of one agent gated by the real Prometheus' view of its pods: a change with no traffic holds for lack of
 * data; with traffic the same change is promoted through every step; a version that fails half its requests
 * ({@code AGENT_FAULT_ERROR_RATIO}) is rolled back within two intervals, with the evidence and an Incident; the
 * errors it served spend the error budget, which freezes the next change until it is forced.
 */
class DeliveryEndToEndTest {
  private static final Path WORK = Path.of("target", "e2e-delivery");
  private static final String AGENT = "npa";
  private static final Duration INTERVAL = Duration.ofSeconds(20);
  /** A step: the canary's JVM starts, then the interval passes; twice that is ample. */
  private static final Duration STEP = Duration.ofSeconds(90);

  static EndToEndEnvironment environment;

  @BeforeAll
  static void start() throws IOException {
    IncidentEndToEndTest.deleteRecursively(WORK);
    environment = new EndToEndEnvironment(Files.createDirectories(WORK), Duration.ofSeconds(1), DeliveryEndToEndTest::npa);
  }

  @AfterAll
  static void stop() {
    if (environment != null) {
      environment.close();
    }
    assertThat(ChildProcesses.running()).as("processes still running after the test").isZero();
  }

  /** The sample NPA with an SLO of 99.5% and short steps: 1 pod, then 50% (1 of 2), then the promotion. */
  private static int npa(KubernetesClient client) throws IOException {
    var document = Manifests.read(EndToEndEnvironment.ROOT.resolve("samples/agent-npa.yaml")).get(0);
    var agent = Manifests.convert(document, ProgressiveAgent.class);
    agent.getMetadata().setNamespace(NAMESPACE);
    var slo = new Slo();
    slo.setAvailability(99.5);
    agent.getSpec().setMonitoring(Optional.ofNullable(agent.getSpec().getMonitoring()).orElseGet(Monitoring::new));
    agent.getSpec().getMonitoring().setSlo(slo);
    // As the local Prometheus scrapes: a step's window must hold two scrapes.
    agent.getSpec().getMonitoring().setScrapeInterval(LocalPrometheus.INTERVAL);
    var delivery = new Delivery();
    delivery.setInterval(INTERVAL.toSeconds() + "s");
    delivery.setMinRequests(30);
    agent.getSpec().setDelivery(delivery);
    client.resource(agent).create();
    return 1;
  }

  @Test
  void aGoodVersionIsPromotedABadOneRolledBackAndASpentBudgetFreezesTheNextUntilForced() throws Exception {
    var kubectl = new Kubectl(environment.cluster.writeKubeconfig(WORK.resolve("kubeconfig")), WORK);
    try (var watch = kubectl.start("get", "pa", AGENT, "-n", NAMESPACE, "-w")) {
      withoutTrafficTheStepHoldsForLackOfData();
      try (var traffic = new MealPlanTraffic(DeliveryEndToEndTest::readyPods)) {
        theSameChangeIsPromotedThroughEveryStepOnceItHasTraffic();
        aFailingVersionIsRolledBackWithTheEvidenceAndAnIncident(env(deployment(AGENT).orElseThrow()));
        theSpentBudgetFreezesTheNextChangeUntilItIsForced();
        assertThat(traffic.count(200)).as("%s", traffic).isPositive();
      }
      await("kubectl's watch shows every phase in the ROLLOUT column").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(String.join("\n", watch.out())).contains("ROLLOUT", "Paused", "Progressing", "Promoted", "RolledBack", "Frozen"));
      System.out.println("kubectl get pa " + AGENT + " -w, during the rollouts:\n" + String.join("\n", watch.out()));
    }
  }

  private void withoutTrafficTheStepHoldsForLackOfData() {
    setEnv("GREETING", "v2");

    var paused = awaitRollout("the first step holding without traffic", STEP, r -> r.getPhase() == RolloutPhase.Paused);

    assertThat(paused.getStep()).isZero();
    assertThat(paused.getChecks()).filteredOn(c -> c.getName().equals("requests")).singleElement()
        .satisfies(c -> assertThat(c.getVerdict()).isEqualTo(Verdict.InsufficientData))
        .satisfies(c -> assertThat(c.getMessage()).contains("of the 30 requests needed in 20s"));
    assertThat(paused.getMessage()).startsWith("step 1 of 3 holds: requests: the canary served");
    assertThat(deployment(AGENT + "-canary")).hasValueSatisfying(canary -> {
      assertThat(canary.getSpec().getReplicas()).isEqualTo(1);
      assertThat(canary.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("progressive.dev/track", "canary");
      assertThat(env(canary)).containsEntry("GREETING", "v2");
    });
    assertThat(env(deployment(AGENT).orElseThrow())).doesNotContainKey("GREETING");
  }

  private void theSameChangeIsPromotedThroughEveryStepOnceItHasTraffic() throws InterruptedException {
    var second = awaitRollout("the second step", STEP, r -> r.getStep() != null && r.getStep() == 1);
    assertThat(second.getChecks()).extracting(RolloutCheck::getVerdict).containsOnly(Verdict.Pass);
    assertThat(prometheusSeries("agent_requests_total{namespace=\"" + NAMESPACE + "\",track=\"canary\"}"))
        .as("the canary's series carry the track").isPositive();

    try (var serving = new ReadinessFloor(DeliveryEndToEndTest::readyPods)) {
      var promoted = awaitRollout("the promotion", STEP, r -> r.getPhase() == RolloutPhase.Promoted);

      assertThat(promoted.getChecks()).extracting(RolloutCheck::getName)
          .containsExactly("requests", "errorRatioIncrease", "latencyP95Increase", "burnRate");
      await("the canary removed and the stable pods on v2").atMost(STEP).untilAsserted(() -> {
        assertThat(deployment(AGENT + "-canary")).isEmpty();
        assertThat(env(deployment(AGENT).orElseThrow())).containsEntry("GREETING", "v2");
      });
      assertThat(serving.lowest()).as("ready pods from the second step until the stable pods run v2").isPositive();
    }
    assertThat(eventReasons()).contains("RolloutStarted", "RolloutPaused", "RolloutStepPassed", "RolloutPromoted");
  }

  private void aFailingVersionIsRolledBackWithTheEvidenceAndAnIncident(Map<String, String> stableEnv) {
    setEnv("AGENT_FAULT_ERROR_RATIO", "0.5");
    var started = awaitRollout("the bad version's first step", STEP, r -> r.getPhase() == RolloutPhase.Progressing
        && r.getStep() == 0);

    var rolledBack = awaitRollout("the rollback", STEP, r -> r.getPhase() == RolloutPhase.RolledBack);

    var took = Duration.between(Instant.parse(started.getStepStartedAt()), Instant.parse(rolledBack.getAnalysedAt()));
    System.out.printf("bad version: step start -> rolled back %.1fs (interval %ds, limit two intervals)%n",
        took.toMillis() / 1000.0, INTERVAL.toSeconds());
    assertThat(took).as("from the step's start to the rollback").isLessThanOrEqualTo(INTERVAL.multipliedBy(2));
    assertThat(rolledBack.getChecks()).filteredOn(c -> c.getName().equals("errorRatioIncrease")).singleElement()
        .satisfies(c -> assertThat(c.getVerdict()).isEqualTo(Verdict.Fail))
        .satisfies(c -> assertThat(Double.parseDouble(c.getObserved())).isGreaterThan(0.2))
        .satisfies(c -> assertThat(c.getQuery()).contains("track=\"canary\"", "track!=\"canary\""))
        .satisfies(c -> assertThat(c.getThreshold()).isEqualTo("0.01"))
        .satisfies(c -> assertThat(c.getWindow()).isEqualTo("20s"));
    assertThat(rolledBack.getMessage()).contains("the canary is removed and the stable pods keep revision");
    var incident = await("the rollback's Incident").atMost(Duration.ofSeconds(30)).until(() ->
        environment.client.resources(Incident.class).inNamespace(NAMESPACE).list().getItems().stream()
            .filter(i -> "AgentRolloutFailed".equals(i.getSpec().getAlertName())).findFirst(), Optional::isPresent).get();
    assertThat(incident.getSpec().getLabels()).containsEntry("agent", AGENT).containsEntry("revision", rolledBack.getRevision());
    assertThat(incident.getSpec().getAnnotations().get("description")).contains("errorRatioIncrease Fail");
    await("the canary removed, the stable pods untouched").atMost(STEP).untilAsserted(() -> {
      assertThat(deployment(AGENT + "-canary")).isEmpty();
      assertThat(env(deployment(AGENT).orElseThrow())).isEqualTo(stableEnv);
    });
    assertThat(agent().getStatus().getConditions()).filteredOn(c -> c.getType().equals("RolledOut")).singleElement()
        .satisfies(c -> assertThat(c.getReason()).isEqualTo("RolledBack"));
  }

  private void theSpentBudgetFreezesTheNextChangeUntilItIsForced() {
    await("the bad version's errors spend the error budget").atMost(Duration.ofSeconds(60)).until(() ->
        Optional.ofNullable(agent().getStatus().getSlo()).map(slo -> slo.getErrorBudgetRemaining())
            .filter(remaining -> remaining.startsWith("-") || remaining.equals("0%")).isPresent());
    setEnv("AGENT_FAULT_ERROR_RATIO", null);
    setEnv("GREETING", "v3");

    var frozen = awaitRollout("the rollout frozen", Duration.ofSeconds(30), r -> r.getPhase() == RolloutPhase.Frozen);
    assertThat(frozen.getMessage()).contains("the error budget remaining is -", "progressive.dev/rollout=force");
    await("the rollout stays frozen").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
        .until(() -> rollout().getPhase() == RolloutPhase.Frozen && deployment(AGENT + "-canary").isEmpty());

    environment.client.resources(ProgressiveAgent.class).inNamespace(NAMESPACE).withName(AGENT)
        .edit(agent -> {
          var annotations = new HashMap<>(Optional.ofNullable(agent.getMetadata().getAnnotations()).orElse(Map.of()));
          annotations.put("progressive.dev/rollout", "force");
          agent.getMetadata().setAnnotations(annotations);
          return agent;
        });

    var forced = awaitRollout("the forced rollout", Duration.ofSeconds(30), r -> r.getPhase() == RolloutPhase.Progressing);
    assertThat(forced.getForced()).isTrue();
    assertThat(forced.getRevision()).isEqualTo(frozen.getRevision());
    await("the canary of the forced rollout").atMost(Duration.ofSeconds(30))
        .until(() -> deployment(AGENT + "-canary").isPresent());
  }

  private static RolloutStatus awaitRollout(String what, Duration atMost, Predicate<RolloutStatus> reached) {
    return await(what).atMost(atMost).pollInterval(Duration.ofMillis(500))
        .until(DeliveryEndToEndTest::rolloutOrNull, r -> r != null && reached.test(r));
  }

  private static RolloutStatus rolloutOrNull() {
    return Optional.ofNullable(agent().getStatus()).map(s -> s.getRollout()).orElse(null);
  }

  private static RolloutStatus rollout() {
    return Objects.requireNonNull(rolloutOrNull(), "status.rollout");
  }

  private static ProgressiveAgent agent() {
    return environment.client.resources(ProgressiveAgent.class).inNamespace(NAMESPACE).withName(AGENT).get();
  }

  /**
   * Sets (or with null removes) an env var of the agent's spec, as a user's edit would: read, change, write back
   * at the version read, and again when the operator's status write came in between (409 Conflict).
   */
  private static void setEnv(String name, String value) {
    UserEdits.edit(() -> environment.client.resources(ProgressiveAgent.class).inNamespace(NAMESPACE).withName(AGENT).edit(agent -> {
      agent.getSpec().getEnv().removeIf(e -> e.getName().equals(name));
      if (value != null) {
        agent.getSpec().getEnv().add(new EnvVar(name, value, null));
      }
      return agent;
    }));
  }

  private static Optional<Deployment> deployment(String name) {
    return Optional.ofNullable(environment.client.apps().deployments().inNamespace(NAMESPACE).withName(name).get());
  }

  private static Map<String, String> env(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  private static List<String> eventReasons() {
    return environment.client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> AGENT.equals(e.getInvolvedObject().getName()) && "ProgressiveAgent".equals(e.getInvolvedObject().getKind()))
        .map(e -> e.getReason()).toList();
  }

  /** Every ready pod of the agent's two Deployments, as its Service spreads traffic over them. */
  private static List<URI> readyPods() {
    return Stream.of(AGENT, AGENT + "-canary").flatMap(d -> environment.processes.replicas(NAMESPACE, d).stream())
        .filter(Replica::ready).map(Replica::uri).toList();
  }

  /** The fewest ready pods seen, sampled every 100 ms until closed. */
  private static final class ReadinessFloor implements AutoCloseable {
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger lowest = new AtomicInteger(Integer.MAX_VALUE);

    ReadinessFloor(Supplier<List<URI>> ready) {
      sampler.scheduleAtFixedRate(() -> lowest.accumulateAndGet(ready.get().size(), Math::min), 0, 100, TimeUnit.MILLISECONDS);
    }

    int lowest() {
      return lowest.get();
    }

    @Override
    public void close() throws InterruptedException {
      sampler.shutdownNow();
      sampler.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static int prometheusSeries(String selector) {
    return new PrometheusQueries(environment.monitoring.prometheus()).query(selector).size();
  }
}

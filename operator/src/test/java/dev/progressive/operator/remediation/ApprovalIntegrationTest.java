package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.SinkReceiver;
import dev.progressive.operator.agent.AgentDeployment;
import dev.progressive.operator.api.Guardrails;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.Sink;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.StepRecord;
import dev.progressive.operator.dev.Kubectl;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps that wait for a person, with alerts delivered over HTTP and decisions taken with kubectl annotate. */
class ApprovalIntegrationTest {
  private static final List<String> BEHIND_THE_MCA = List.of("npa", "wpa", "bma", "rpa");
  private static RemediationCluster cluster;
  private static SinkReceiver receiver;
  private static Kubectl kubectl;

  @BeforeAll
  static void start(@TempDir Path dir) throws IOException {
    cluster = RemediationCluster.start(dir);
    kubectl = new Kubectl(cluster.harness().cluster().writeKubeconfig(dir.resolve("kubeconfig")), dir);
    receiver = new SinkReceiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
    cluster.close();
  }

  @Test
  void aStepOnMoreAgentsThanMaxTargetsWaitsForApprovalThenActsOnAllOfThem() throws Exception {
    var f = cluster.fixture("approve");
    webhookSecret(f, "hook");
    f.playbook("fleet-breakers", "FleetOverload",
        List.of(step(StepAction.CIRCUIT_BREAKER, BEHIND_THE_MCA), notify("hook"), notify("missing")), g -> { });
    f.withSamplesAndPlaybooks(spec -> { });
    var incident = f.fire("FleetOverload", Map.of("service", "mca"));
    var name = incident.getMetadata().getName();

    var record = f.awaitApprovalRequest(incident, 0);
    var status = f.incident(incident).getStatus();
    assertThat(status.getReason()).isEqualTo(ApprovalPolicy.TOO_MANY_TARGETS);
    assertThat(status.getMessage()).isEqualTo(record.getMessage()).startsWith("step 0 (circuitBreaker) on ")
        .contains(BEHIND_THE_MCA)
        .contains(": 4 targets, more than maxTargets=3; approve with: kubectl annotate incident " + name
            + " -n approve progressive.dev/approval=approved (or rejected)")
        .endsWith("; posting the request to the webhook sink of Secret missing failed: Secret missing has no key url");
    assertThat(record.getOutcome()).isEqualTo(StepRecord.Outcome.Running);
    assertThat(record.getApprovalReason()).isEqualTo(ApprovalPolicy.TOO_MANY_TARGETS);
    assertThat(status.getMitigations()).isEmpty();
    assertThat(BEHIND_THE_MCA).noneMatch(f::breakerOpen);
    assertThat(receiver.received()).anySatisfy(body -> {
      assertThat(body.path("incident").asText()).isEqualTo(name);
      assertThat(body.path("phase").asText()).isEqualTo("AwaitingApproval");
      assertThat(body.path("message").asText()).startsWith("step 0 (circuitBreaker) on ");
    });
    assertThat(kubectl.run("get", "incidents", "-n", "approve").succeeded().out())
        .containsPattern("(?m)^" + name + "\\s+\\S+\\s+FleetOverload\\s+AwaitingApproval\\s+approve/fleet-breakers\\s+mca$");
    assertThat(cluster.harness().registry().scrape()).containsPattern("progressive_incidents_total\\{phase=\"AwaitingApproval\"} [1-9]");
    // Waiting, it looks again from the cache and writes nothing.
    var version = f.incident(incident).getMetadata().getResourceVersion();
    await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8))
        .until(() -> f.incident(incident).getMetadata().getResourceVersion().equals(version));

    kubectl.run("annotate", "incident", name, "-n", "approve", ApprovalPolicy.ANNOTATION + "=yes").succeeded();
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> assertThat(f.incident(incident).getStatus().getMessage())
        .endsWith("; the value \"yes\" of progressive.dev/approval is not understood: use approved or rejected"
            + " (kubectl annotate --overwrite)"));
    assertThat(f.phase(incident)).isEqualTo(IncidentPhase.AwaitingApproval);

    kubectl.run(approveCommand(record.getMessage())).succeeded();
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> {
      assertThat(f.stepsRun(incident)).as(() -> f.describe(incident)).contains(StepAction.CIRCUIT_BREAKER);
      assertThat(BEHIND_THE_MCA).allMatch(f::breakerOpen);
    });
    var approved = f.record(incident, 0);
    assertThat(approved.getOutcome()).isEqualTo(StepRecord.Outcome.Succeeded);
    assertThat(approved.getApproval()).isEqualTo(StepRecord.Approval.approved);
    assertThat(Instant.parse(approved.getApprovalDecidedAt())).isAfter(Instant.parse(approved.getApprovalRequestedAt()));
    assertThat(f.incident(incident).getMetadata().getAnnotations()).doesNotContainKey(ApprovalPolicy.ANNOTATION);
    assertThat(f.eventReasons(name)).filteredOn("ApprovalRequested"::equals).hasSize(1);
    assertThat(f.eventReasons(name)).contains("ApprovalGranted");
  }

  @Test
  void aRejectedStepIsSkippedAndTheRunEndsEscalatedHavingDoneNothing() throws Exception {
    var f = restartingTheAlertsAgent("reject", g -> { });
    var incident = f.fire("AgentWedged", Map.of("service", "npa"));
    var record = f.awaitApprovalRequest(incident, 0);
    assertThat(f.incident(incident).getStatus().getReason()).isEqualTo(ApprovalPolicy.REQUIRED);
    assertThat(record.getMessage()).startsWith("step 0 (restart) on npa: the step says approval: required; approve with: ");

    f.decide(incident, ApprovalPolicy.REJECTED);
    f.awaitPhase(incident, IncidentPhase.Escalated);
    var status = f.incident(incident).getStatus();
    assertThat(status.getReason()).isEqualTo(ApprovalPolicy.REJECTED_REASON);
    assertThat(status.getMessage()).startsWith("step 0 (restart) was rejected at ").endsWith("; a person takes over");
    var rejected = f.record(incident, 0);
    assertThat(rejected.getOutcome()).isEqualTo(StepRecord.Outcome.Skipped);
    assertThat(rejected.getMessage()).isEqualTo("rejected at " + rejected.getApprovalDecidedAt());
    assertThat(rejected.getApproval()).isEqualTo(StepRecord.Approval.rejected);
    assertThat(status.getSteps()).hasSize(1);
    assertThat(status.getMitigations()).isEmpty();
    assertThat(f.deployment("npa").getSpec().getTemplate().getMetadata().getAnnotations())
        .doesNotContainKey(AgentDeployment.RESTARTED_AT);
  }

  @Test
  void aStepNobodyDecidesWithinTheApprovalTimeoutEndsTheRunEscalated() throws Exception {
    var f = restartingTheAlertsAgent("undecided", g -> g.setApprovalTimeout("2s"));
    var incident = f.fire("AgentWedged", Map.of("service", "npa"));
    f.awaitPhase(incident, IncidentPhase.Escalated);
    var status = f.incident(incident).getStatus();
    assertThat(status.getReason()).isEqualTo(ApprovalPolicy.TIMED_OUT_REASON);
    assertThat(status.getMessage()).isEqualTo(
        "step 0 (restart) was neither approved nor rejected within approvalTimeout=2s; a person takes over");
    var record = f.record(incident, 0);
    assertThat(record.getApproval()).isEqualTo(StepRecord.Approval.timedOut);
    assertThat(record.getOutcome()).isEqualTo(StepRecord.Outcome.Skipped);
    assertThat(Duration.between(Instant.parse(record.getApprovalRequestedAt()), Instant.parse(record.getApprovalDecidedAt())))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(status.getMitigations()).isEmpty();
  }

  @Test
  void inAStormOfSixIncidentsTheDisruptiveStepOfTheSixthWaitsForApproval() throws Exception {
    var f = cluster.fixture("storm-approval");
    f.playbook("wedged", "AgentWedged", List.of(step(StepAction.RESTART, List.of())), g -> g.setMaxRunsPerHour(60));
    f.withSamplesAndPlaybooks(spec -> { });
    // Four Incidents, each about an agent of its own, act at once: no storm yet.
    var calm = new ArrayList<Incident>();
    for (var agent : List.of("mca", "wpa", "bma", "rpa")) {
      calm.add(f.fire("AgentWedged", Map.of("service", agent)));
    }
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> assertThat(calm)
        .allSatisfy(i -> assertThat(f.stepsRun(i)).as(() -> f.describe(i)).containsExactly(StepAction.RESTART)));
    assertThat(calm).allSatisfy(i -> assertThat(f.record(i, 0).getApproval()).isNull());
    f.fire("AgentWedged", Map.of("service", "mca", "instance", "again"));

    var sixth = f.fire("AgentWedged", Map.of("service", "npa"));
    var record = f.awaitApprovalRequest(sixth, 0);
    assertThat(f.incident(sixth).getStatus().getReason()).isEqualTo(ApprovalPolicy.STORM);
    assertThat(record.getMessage()).startsWith("step 0 (restart) on npa: 6 Incidents opened in the namespace within 10m,"
        + " more than stormThreshold=5, and restart is disruptive; approve with: ");
    assertThat(f.incident(sixth).getStatus().getMitigations()).isEmpty();

    f.decide(sixth, ApprovalPolicy.APPROVED);
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() ->
        assertThat(f.stepsRun(sixth)).as(() -> f.describe(sixth)).containsExactly(StepAction.RESTART));
    assertThat(f.record(sixth, 0).getApproval()).isEqualTo(StepRecord.Approval.approved);
    assertThat(f.incident(sixth).getStatus().getMitigations()).singleElement()
        .satisfies(m -> assertThat(m.getAgent()).isEqualTo("npa"));
  }

  @Test
  void aDryRunSaysWhichStepWouldAwaitApprovalAndWhy() throws Exception {
    var f = cluster.fixture("dry-approval");
    f.playbook("fleet-breakers", "FleetOverload", List.of(step(StepAction.CIRCUIT_BREAKER, BEHIND_THE_MCA)),
        g -> g.setDryRun(true));
    f.withSamplesAndPlaybooks(spec -> { });
    var incident = f.fire("FleetOverload", Map.of("service", "mca"));
    f.awaitPhase(incident, IncidentPhase.Suppressed);
    assertThat(f.record(incident, 0).getMessage()).startsWith("would open the circuit breaker of ")
        .endsWith("; would await approval: 4 targets, more than maxTargets=3");
  }

  /** The alert's own agent restarted, once a person approves, then a notification. */
  static RemediationFixture restartingTheAlertsAgent(RemediationFixture f, Consumer<Guardrails> tweak) throws IOException {
    var restart = step(StepAction.RESTART, List.of());
    restart.setApproval(Step.Approval.required);
    f.playbook("wedged", "AgentWedged", List.of(restart, new Step(StepAction.NOTIFY)), tweak);
    return f.withSamplesAndPlaybooks(spec -> { });
  }

  private static RemediationFixture restartingTheAlertsAgent(String namespace, Consumer<Guardrails> tweak) throws IOException {
    return restartingTheAlertsAgent(cluster.fixture(namespace), tweak);
  }

  /** The command the request names, with --overwrite: the annotation holds a value already. */
  private static String[] approveCommand(String request) {
    var command = request.substring(request.indexOf("kubectl annotate ") + "kubectl ".length(), request.indexOf(" (or rejected)"));
    var args = new ArrayList<>(List.of(command.split(" ")));
    args.add("--overwrite");
    return args.toArray(String[]::new);
  }

  static Step step(StepAction kind, List<String> agentTypes) {
    var step = new Step(kind);
    step.setAgentTypes(agentTypes);
    return step;
  }

  private static Step notify(String secretName) {
    var sink = new Sink();
    sink.setSecretName(secretName);
    var step = new Step(StepAction.NOTIFY);
    step.setSink(sink);
    return step;
  }

  private static void webhookSecret(RemediationFixture f, String name) {
    var url = receiver.url();
    cluster.harness().client().resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(f.namespace)
        .endMetadata().addToData("url", Base64.getEncoder().encodeToString(url.getBytes(StandardCharsets.UTF_8))).build())
        .create();
  }
}

package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.agent.AgentDeployment;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each of the five default playbooks, run by the real operator on the embedded API. */
class PlaybookIntegrationTest {
  private static final List<String> AGENTS = List.of("mca", "npa", "wpa", "bma", "rpa");
  private static RemediationCluster cluster;

  @BeforeAll
  static void start(@TempDir Path dir) throws IOException {
    cluster = RemediationCluster.start(dir);
  }

  private static RemediationFixture fixture(String namespace) {
    return cluster.fixture(namespace);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void mcaDownScalesTheMcaOpensTheOtherBreakersQuarantinesAndRevertsAfterResolution() throws Exception {
    var f = fixture("mca-down").withSamplesAndPlaybooks(spec -> spec.getSteps().stream()
        .filter(s -> s.getAction() == StepAction.VERIFY).forEach(s -> s.setTimeout("60s")));
    var sick = pod(mcaPod(f.namespace, "mca-7d9f-abcde", false));
    var healthy = pod(mcaPod(f.namespace, "mca-7d9f-fghij", true));

    var incident = f.fire("MCAAgentDown", Map.of("service", "mca", "severity", "critical"));
    // Its breaker step changes four agents, more than maxTargets: a person approves it first.
    f.approve(incident, 1);
    f.awaitPhase(incident, IncidentPhase.Verifying);
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> {
      assertThat(f.replicas("mca")).isEqualTo(5);
      assertThat(List.of("npa", "wpa", "bma", "rpa")).allMatch(f::breakerOpen);
      assertThat(f.breakerOpen("mca")).isFalse();
      assertThat(serving(f, sick)).isEqualTo("false");
    });
    assertThat(serving(f, healthy)).isEqualTo("true");
    var status = f.incident(incident).getStatus();
    assertThat(status.getTarget()).isEqualTo("mca");
    assertThat(status.getPlaybook()).isEqualTo(f.namespace + "/mca-down");
    assertDiagnosedAndNotified(f, incident, "mca");
    assertThat(diagnostics(f, incident)).containsKeys("mca-pods.txt", "logs-mca-7d9f-abcde.txt");

    f.resolve(incident);
    f.awaitPhase(incident, IncidentPhase.Resolved);
    assertThat(f.stepsRun(incident)).containsExactly(StepAction.SCALE, StepAction.CIRCUIT_BREAKER,
        StepAction.QUARANTINE_UNHEALTHY, StepAction.DIAGNOSTICS, StepAction.NOTIFY, StepAction.VERIFY);
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> {
      assertThat(f.replicas("mca")).isEqualTo(2);
      assertThat(AGENTS).noneMatch(f::breakerOpen);
      assertThat(serving(f, sick)).isEqualTo("true");
      assertThat(f.incident(incident).getStatus().getMitigations()).allMatch(m -> !m.isActive());
    });
  }

  @Test
  void agentDegradedScalesAndOpensTheBreakerOfTheAlertsAgentThenEscalatesWhileItStillFires() throws Exception {
    var f = fixture("agent-degraded").withSamplesAndPlaybooks(spec -> { });
    var incident = f.fire("AgentUnhealthy", Map.of("agent_type", "npa", "service", "npa", "severity", "warning"));
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> {
      assertThat(f.replicas("npa")).isEqualTo(3);
      assertThat(f.breakerOpen("npa")).isTrue();
    });
    assertThat(f.replicas("wpa")).isEqualTo(2);
    f.awaitPhase(incident, IncidentPhase.Escalated);
    assertDiagnosedAndNotified(f, incident, "npa");
    assertThat(f.stepsRun(incident)).endsWith(StepAction.VERIFY, StepAction.ESCALATE);
    assertThat(f.eventReasons(incident.getMetadata().getName())).contains("IncidentEscalated");
    // Escalated keeps its mitigations until the alert resolves, then withdraws them.
    assertThat(f.replicas("npa")).isEqualTo(3);
    f.resolve(incident);
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> {
      assertThat(f.replicas("npa")).isEqualTo(2);
      assertThat(f.breakerOpen("npa")).isFalse();
    });
  }

  @Test
  void highErrorRateScalesEveryAgentAndOpensTheBreakersBehindTheMca() throws Exception {
    var f = fixture("high-error-rate").withSamplesAndPlaybooks(spec -> { });
    var incident = f.fire("MCAHighErrorRate", Map.of("service", "mca", "severity", "critical"));
    // Scaling five agents and opening four breakers: more than maxTargets, each step approved first.
    f.approve(incident, 0);
    f.approve(incident, 1);
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> {
      assertThat(AGENTS).allSatisfy(agent -> assertThat(f.replicas(agent)).as(agent).isEqualTo(3));
      assertThat(List.of("npa", "wpa", "bma", "rpa")).allMatch(f::breakerOpen);
    });
    f.awaitPhase(incident, IncidentPhase.Escalated);
    assertDiagnosedAndNotified(f, incident, "mca");
    assertThat(diagnostics(f, incident)).containsKeys(
        "mca-deployment.txt", "npa-deployment.txt", "wpa-deployment.txt", "bma-deployment.txt", "rpa-deployment.txt");
    f.resolve(incident);
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> assertThat(AGENTS).as(() -> f.describe(incident))
        .allSatisfy(agent -> assertThat(f.replicas(agent)).as(agent).isEqualTo(agent.equals("rpa") ? 1 : 2)));
  }

  @Test
  void databaseConnectivityRestartsEveryAgentOnceAndTheRestartStays() throws Exception {
    var f = fixture("database").withSamplesAndPlaybooks(spec -> { });
    var incident = f.fire("PostgreSQLDown", Map.of("service", "postgresql", "tier", "database"));
    // Restarting five agents: more than maxTargets, approved first.
    f.approve(incident, 0);
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> assertThat(AGENTS)
        .allSatisfy(agent -> assertThat(restartedAt(f, agent)).as(agent).isNotNull()));
    var stamp = restartedAt(f, "mca");
    f.awaitPhase(incident, IncidentPhase.Escalated);
    assertDiagnosedAndNotified(f, incident, "mca");
    f.resolve(incident);
    await().atMost(RemediationFixture.PATIENCE).until(() -> f.incident(incident).getStatus().getMitigations().stream()
        .noneMatch(Mitigation::isActive));
    assertThat(restartedAt(f, "mca")).isEqualTo(stamp);
  }

  @Test
  void anyOtherAlertGetsTheCatchAllPlaybook() throws Exception {
    var f = fixture("unknown").withSamplesAndPlaybooks(spec -> { });
    var incident = f.fire("DiskAlmostFull", Map.of("severity", "warning"));
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> assertThat(f.replicas("mca")).isEqualTo(3));
    assertThat(f.incident(incident).getStatus().getPlaybook()).isEqualTo(f.namespace + "/unknown");
    f.awaitPhase(incident, IncidentPhase.Escalated);
    assertDiagnosedAndNotified(f, incident, "mca");
    f.resolve(incident);
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> assertThat(f.replicas("mca")).isEqualTo(2));
  }

  @Test
  void anAlertNamingAnUnknownAgentIsSuppressedWithTheReason() throws Exception {
    var f = fixture("ghost").withSamplesAndPlaybooks(spec -> { });
    var incident = f.fire("AgentUnhealthy", Map.of("deployment", "ghost"));
    f.awaitPhase(incident, IncidentPhase.Suppressed);
    var status = f.incident(incident).getStatus();
    assertThat(status.getReason()).isEqualTo(Detection.UNKNOWN_AGENT);
    assertThat(status.getMessage()).contains("deployment=ghost");
    assertThat(status.getMitigations()).isEmpty();
  }

  /** Every default playbook collects diagnostics and tells people, on the Incident and on the agent. */
  private static void assertDiagnosedAndNotified(RemediationFixture f, Incident incident, String agent) {
    assertThat(diagnostics(f, incident)).containsKeys("alert.txt", "events.txt", agent + "-deployment.txt");
    assertThat(f.eventReasons(incident.getMetadata().getName())).contains("IncidentNotification");
    assertThat(f.eventReasons(agent)).contains("IncidentNotification");
  }

  private static Map<String, String> diagnostics(RemediationFixture f, Incident incident) {
    var name = f.incident(incident).getStatus().getDiagnostics();
    assertThat(name).as("status.diagnostics").isNotNull();
    return cluster.harness().client().configMaps().inNamespace(f.namespace).withName(name).get().getData();
  }

  private static Pod mcaPod(String namespace, String name, boolean ready) {
    return new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace)
          .addToLabels(Labels.NAME, "mca").addToLabels(Labels.INSTANCE, "mca")
          .addToLabels(Labels.MANAGED_BY, Labels.MANAGER).addToLabels(AgentDeployment.SERVING_LABEL, "true")
        .endMetadata()
        .withNewSpec().addNewContainer().withName("agent").withImage("agent-runtime").endContainer().endSpec()
        .withNewStatus().withPhase("Running")
          .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
        .endStatus()
        .build();
  }

  /** Creates the pod, then reports its readiness through the status subresource, as a kubelet would. */
  private static Pod pod(Pod pod) {
    var status = pod.getStatus();
    var created = cluster.harness().client().resource(pod).create();
    created.setStatus(status);
    return cluster.harness().client().resource(created).updateStatus();
  }

  private static String serving(RemediationFixture f, Pod pod) {
    var current = cluster.harness().client().pods().inNamespace(f.namespace).withName(pod.getMetadata().getName()).get();
    return current.getMetadata().getLabels().get(AgentDeployment.SERVING_LABEL);
  }

  private static String restartedAt(RemediationFixture f, String agent) {
    return f.deployment(agent).getSpec().getTemplate().getMetadata().getAnnotations().get(AgentDeployment.RESTARTED_AT);
  }
}

package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.UserEdits;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.StepRecord;
import dev.progressive.operator.cli.Manifests;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The namespace's kill switch, spec.remediation.paused on its ObservabilityStack, with alerts delivered over HTTP. */
class KillSwitchIntegrationTest {
  private static RemediationCluster cluster;

  @BeforeAll
  static void start(@TempDir Path dir) throws IOException {
    cluster = RemediationCluster.start(dir);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void aPausedStackHoldsItsNamespacesIncidentsBeforeTheirNextStepAndResumingRunsThem() throws Exception {
    var f = cluster.fixture("kill-switch").withSamplesAndPlaybooks(spec -> { });
    createStack(f, true);

    var incident = f.fire("AgentUnhealthy", Map.of("service", "npa"));

    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> {
      var status = f.incident(incident).getStatus();
      assertThat(status.getReason()).isEqualTo(RemediationPause.PAUSED);
      assertThat(status.getMessage()).isEqualTo("remediation paused before step 0: ObservabilityStack observability"
          + " has spec.remediation.paused: true; remove it to resume");
    });
    var held = f.incident(incident).getStatus();
    assertThat(held.getPhase()).as("the phase stays").isEqualTo(IncidentPhase.Mitigating);
    assertThat(held.getSteps()).isEmpty();
    assertThat(held.getMitigations()).isEmpty();
    assertThat(f.replicas("npa")).isEqualTo(2);

    pause(f, false);

    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() ->
        assertThat(f.stepsRun(incident)).contains(StepAction.SCALE, StepAction.DIAGNOSTICS));
    assertThat(f.incident(incident).getStatus().getReason()).isNotEqualTo(RemediationPause.PAUSED);
  }

  @Test
  void aPausedNamespaceHoldsItsIncidentsAndTakingTheLabelOffResumesThem() throws Exception {
    var f = cluster.fixture("kill-switch-namespace").withSamplesAndPlaybooks(spec -> { });
    var namespaces = cluster.harness().client().namespaces();
    namespaces.resource(new NamespaceBuilder().withNewMetadata().withName(f.namespace).endMetadata().build()).createOr(n -> n.update());
    namespaces.withName(f.namespace).edit(n -> new NamespaceBuilder(n).editMetadata()
        .addToLabels("progressive.dev/remediation", "paused").endMetadata().build());

    var incident = f.fire("AgentUnhealthy", Map.of("service", "npa"));
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() -> assertThat(f.incident(incident).getStatus().getMessage())
        .isEqualTo("remediation paused before step 0: Namespace " + f.namespace
            + " has label progressive.dev/remediation=paused; remove it to resume"));
    var held = f.incident(incident).getStatus();
    assertThat(held.getPhase()).isEqualTo(IncidentPhase.Mitigating);
    assertThat(held.getSteps()).isEmpty();
    assertThat(f.replicas("npa")).isEqualTo(2);

    namespaces.withName(f.namespace).edit(n -> new NamespaceBuilder(n).editMetadata()
        .removeFromLabels("progressive.dev/remediation").endMetadata().build());
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() ->
        assertThat(f.stepsRun(incident)).contains(StepAction.SCALE, StepAction.DIAGNOSTICS));
    assertThat(f.incident(incident).getStatus().getReason()).isNotEqualTo(RemediationPause.PAUSED);
  }

  @Test
  void theSwitchHoldsAnIncidentAwaitingApprovalAndAnApprovalGivenMeanwhileWaitsForTheResume() throws Exception {
    var f = ApprovalIntegrationTest.restartingTheAlertsAgent(cluster.fixture("kill-switch-approval"), g -> { });
    createStack(f, false);
    var incident = f.fire("AgentWedged", Map.of("service", "npa"));
    f.awaitApprovalRequest(incident, 0);

    pause(f, true);
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() ->
        assertThat(f.incident(incident).getStatus().getReason()).isEqualTo(RemediationPause.PAUSED));
    f.decide(incident, ApprovalPolicy.APPROVED);
    await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).untilAsserted(() -> {
      var status = f.incident(incident).getStatus();
      assertThat(status.getPhase()).isEqualTo(IncidentPhase.AwaitingApproval);
      assertThat(status.getSteps().get(0).getApproval()).isEqualTo(StepRecord.Approval.pending);
      assertThat(status.getMitigations()).isEmpty();
    });

    pause(f, false);
    await().atMost(RemediationFixture.PATIENCE).untilAsserted(() ->
        assertThat(f.stepsRun(incident)).as(() -> f.describe(incident)).contains(StepAction.RESTART));
    assertThat(f.record(incident, 0).getApproval()).isEqualTo(StepRecord.Approval.approved);
  }

  /** The sample ObservabilityStack in the fixture's namespace, its kill switch as given, once the operator has seen it. */
  private static void createStack(RemediationFixture f, boolean paused) throws IOException {
    var client = cluster.harness().client();
    var stack = Manifests.convert(Manifests.read(RemediationFixture.ROOT.resolve("samples")).stream()
        .filter(d -> d.kind().equals("ObservabilityStack")).findFirst().orElseThrow(), ObservabilityStack.class);
    stack.getMetadata().setNamespace(f.namespace);
    stack.getSpec().getRemediation().setPaused(paused);
    client.resource(stack).create();
    await().atMost(RemediationFixture.PATIENCE).until(() -> client.resource(stack).get().getStatus() != null);
  }

  private static void pause(RemediationFixture f, boolean paused) {
    UserEdits.edit(() -> cluster.harness().client().resources(ObservabilityStack.class).inNamespace(f.namespace)
        .withName("observability").edit(s -> {
          s.getSpec().getRemediation().setPaused(paused);
          return s;
        }));
  }
}

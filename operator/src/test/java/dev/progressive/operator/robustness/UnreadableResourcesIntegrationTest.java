package dev.progressive.operator.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.OperatorHarness;
import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.SchemalessCrd;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.RemediationPlaybook;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Objects the model cannot read (unknown enum values, unknown fields at every level, wrong types)
 * reach the operator as they would under version skew or without a CRD schema. None may stop it:
 * each is reported on itself, naming the field, gets no children, and a good agent applied after
 * them all still becomes Ready.
 */
class UnreadableResourcesIntegrationTest {
  static final String NS = "bad-input";
  static final String AGENT = """
      {"apiVersion":"progressive.dev/v1alpha1","kind":"ProgressiveAgent","metadata":{"name":"%s","namespace":"%s"},
       "spec":{"agentType":"npa","image":"registry.example/agent-runtime:0.1.0","replicas":1,"scaling":{"maxReplicas":3}}}""";
  static final String STACK = """
      {"apiVersion":"progressive.dev/v1alpha1","kind":"ObservabilityStack","metadata":{"name":"%s","namespace":"%s"},
       "spec":{"tracing":{"backend":"jaeger"},"dashboards":{"delivery":"sidecar"}}}""";
  static final String PLAYBOOK = """
      {"apiVersion":"progressive.dev/v1alpha1","kind":"RemediationPlaybook","metadata":{"name":"%s","namespace":"%s"},
       "spec":{"trigger":{"alertNames":["BadInputAlert"]},"steps":[{"action":"notify","sink":{"secretName":"hook"}}]}}""";
  static final String INCIDENT = """
      {"apiVersion":"progressive.dev/v1alpha1","kind":"Incident","metadata":{"name":"%s","namespace":"%s"},
       "spec":{"alertName":"BadInputAlert","fingerprint":"0123456789abcdef","labels":{"alertname":"BadInputAlert"}}}""";

  static final List<BadInput> AGENTS = List.of(
      new BadInput("ProgressiveAgent", "enum-agent-type", "spec.agentType", "xyz"),
      new BadInput("ProgressiveAgent", "enum-agent-type-number", "spec.agentType", 3),
      new BadInput("ProgressiveAgent", "unknown-spec-field", "spec.replicaz", 4),
      new BadInput("ProgressiveAgent", "unknown-nested-field", "spec.scaling.minReplicaz", 1),
      new BadInput("ProgressiveAgent", "unknown-deep-field", "spec.monitoring.slo.availabilty", 99.9),
      new BadInput("ProgressiveAgent", "wrong-type-replicas", "spec.replicas", "four"),
      new BadInput("ProgressiveAgent", "wrong-type-env", "spec.env", "A=B"),
      new BadInput("ProgressiveAgent", "wrong-type-scaling", "spec.scaling", 5),
      // Valid in itself, but its child npa-...-circuit-breaker would pass the 63 characters of a name or label.
      new BadInput("ProgressiveAgent", "long-" + "n".repeat(43), "spec.replicas", 1, "metadata.name"),
      new BadInput("ProgressiveAgent", "enum-delivery-strategy", "spec.delivery.strategy", "big-bang"),
      // Version skew: a field that a newer CRD defines and this operator does not know.
      new BadInput("ProgressiveAgent", "newer-crd-field", "spec.placement", Map.of("zone", "eu-west-1a")));
  /** An agent's status as a newer operator would write it: it is the operator's own, so it is written anew. */
  static final List<BadInput> AGENT_STATUSES = List.of(
      new BadInput("ProgressiveAgent", "enum-rollout-phase", "status.rollout.phase", "Warping"),
      new BadInput("ProgressiveAgent", "enum-rollout-verdict", "status.rollout.checks[0].verdict", "Perhaps"));
  static final String AGENT_STATUS = """
      {"rollout":{"phase":"Progressing","step":0,"checks":[{"name":"requests","verdict":"Pass"}]}}""";
  static final List<BadInput> STACKS = List.of(
      new BadInput("ObservabilityStack", "enum-tracing-backend", "spec.tracing.backend", "zipkin"),
      new BadInput("ObservabilityStack", "enum-dashboards-delivery", "spec.dashboards.delivery", "email"),
      new BadInput("ObservabilityStack", "unknown-stack-field", "spec.tracing.sampling", 0.5),
      new BadInput("ObservabilityStack", "wrong-type-stack", "spec.sla", "99.9"));
  static final List<BadInput> PLAYBOOKS = List.of(
      new BadInput("RemediationPlaybook", "enum-step-action", "spec.steps[0].action", "rebootTheWorld"),
      new BadInput("RemediationPlaybook", "enum-sink-format", "spec.steps[0].sink.format", "carrierPigeon"),
      new BadInput("RemediationPlaybook", "enum-step-approval", "spec.steps[0].approval", "maybe"),
      new BadInput("RemediationPlaybook", "unknown-step-field", "spec.steps[0].replicaz", 3),
      new BadInput("RemediationPlaybook", "wrong-type-steps", "spec.steps[0].agentTypes", "mca"));
  static final List<BadInput> INCIDENT_SPECS = List.of(
      new BadInput("Incident", "unknown-incident-field", "spec.alertNam", "X"),
      new BadInput("Incident", "wrong-type-labels", "spec.labels", "severity=critical"));
  /** Written as a newer operator would: the status is the run's only state, so it must be left as it is. */
  static final List<BadInput> INCIDENT_STATUSES = List.of(
      new BadInput("Incident", "enum-phase", "status.phase", "Deliberating"),
      new BadInput("Incident", "enum-step-action-record", "status.steps[0].action", "pray"),
      new BadInput("Incident", "enum-step-outcome", "status.steps[0].outcome", "Maybe"),
      new BadInput("Incident", "enum-step-approval-record", "status.steps[0].approval", "sortOf"),
      new BadInput("Incident", "enum-mitigation-type", "status.mitigations[0].type", "teleport"),
      new BadInput("Incident", "enum-run-step-action", "status.run.steps[0].action", "pray"),
      new BadInput("Incident", "enum-run-sink-format", "status.run.steps[0].sink.format", "carrier-pigeon"),
      new BadInput("Incident", "enum-run-step-approval", "status.run.steps[0].approval", "maybe"));
  static final String INCIDENT_STATUS = """
      {"phase":"Mitigating","target":"good","startedAt":"2026-12-01T00:00:00Z",
       "run":{"steps":[{"action":"scale","replicas":3}]},
       "steps":[{"index":0,"action":"scale","outcome":"Running","startedAt":"2026-12-01T00:00:00Z","message":"starting"}],
       "mitigations":[{"type":"scale","agent":"good","replicas":3,"since":"2026-12-01T00:00:00Z"}]}""";

  private static OperatorHarness harness;
  private static KubernetesClient client;

  @BeforeAll
  static void applyEveryBadInputThenAGoodAgent() throws Exception {
    // A CRD installed without its schema: the API admits what the operator must survive.
    harness = OperatorHarness.start(ProgressiveOperator.Settings.embedded(), SchemalessCrd::of);
    client = harness.client();
    client.resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
    harness.stopOperator();
    for (var bad : INCIDENT_STATUSES) {
      var incident = client.resource(bad.resource(NS, INCIDENT.replace("}}}", "}},\"status\":" + INCIDENT_STATUS + "}"))).create();
      var withStatus = bad.resource(NS, INCIDENT.replace("}}}", "}},\"status\":" + INCIDENT_STATUS + "}"));
      withStatus.getMetadata().setResourceVersion(incident.getMetadata().getResourceVersion());
      client.resource(withStatus).updateStatus();
    }
    for (var bad : AGENT_STATUSES) {
      var agent = client.resource(bad.resource(NS, AGENT.replace("}}}", "}},\"status\":" + AGENT_STATUS + "}"))).create();
      var withStatus = bad.resource(NS, AGENT.replace("}}}", "}},\"status\":" + AGENT_STATUS + "}"));
      withStatus.getMetadata().setResourceVersion(agent.getMetadata().getResourceVersion());
      client.resource(withStatus).updateStatus();
    }
    harness.startOperator();
    AGENTS.forEach(bad -> client.resource(bad.resource(NS, AGENT)).create());
    STACKS.forEach(bad -> client.resource(bad.resource(bad.name(), STACK)).create());
    PLAYBOOKS.forEach(bad -> client.resource(bad.resource(NS, PLAYBOOK)).create());
    INCIDENT_SPECS.forEach(bad -> client.resource(bad.resource(NS, INCIDENT)).create());
    client.resource(new BadInput("ProgressiveAgent", "good", "spec.replicas", 2).resource(NS, AGENT)).create();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void aGoodAgentAppliedAfterEveryBadInputBecomesReady() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(ready(client.resources(ProgressiveAgent.class).inNamespace(NS).withName("good").get(), a -> a.getStatus().getConditions()))
            .satisfies(c -> assertThat(c.getStatus()).isEqualTo("True")));
  }

  @Test
  void eachUnreadableAgentIsInvalidSpecNamingTheFieldAndGetsNoChildren() {
    for (var bad : AGENTS) {
      awaitInvalidSpec(bad, ProgressiveAgent.class, NS, a -> a.getStatus().getConditions());
      assertThat(client.apps().deployments().inNamespace(NS).withName(bad.name()).get()).as("Deployment of %s", bad).isNull();
      assertThat(client.services().inNamespace(NS).withName(bad.name()).get()).as("Service of %s", bad).isNull();
      assertThat(client.configMaps().inNamespace(NS).list().getItems()).extracting(ConfigMap::getMetadata)
          .noneMatch(meta -> meta.getName().startsWith(bad.name() + "-"));
    }
  }

  @Test
  void anAgentStatusANewerOperatorWroteIsWrittenAnewAndTheAgentServed() {
    for (var bad : AGENT_STATUSES) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        var raw = client.genericKubernetesResources("progressive.dev/v1alpha1", "ProgressiveAgent").inNamespace(NS)
            .withName(bad.name()).get();
        @SuppressWarnings("unchecked")
        var status = (Map<String, Object>) raw.getAdditionalProperties().get("status");
        assertThat(status).as(bad.name()).containsKey("conditions").doesNotContainKey("rollout");
      });
      assertThat(client.apps().deployments().inNamespace(NS).withName(bad.name()).get()).as(bad.name()).isNotNull();
    }
  }

  @Test
  void aFieldFromANewerCrdSaysToUpgradeTheOperator() {
    var skewed = AGENTS.get(AGENTS.size() - 1);
    awaitInvalidSpec(skewed, ProgressiveAgent.class, NS, a -> a.getStatus().getConditions());
    assertThat(ready(client.resources(ProgressiveAgent.class).inNamespace(NS).withName(skewed.name()).get(),
        a -> a.getStatus().getConditions()).getMessage()).contains("upgrade the operator");
  }

  @Test
  void eachUnreadableStackIsInvalidSpecNamingTheField() {
    for (var bad : STACKS) {
      awaitInvalidSpec(bad, ObservabilityStack.class, bad.name(), s -> s.getStatus().getConditions());
      assertThat(client.apps().deployments().inNamespace(bad.name()).list().getItems()).as("Jaeger of %s", bad).isEmpty();
    }
  }

  @Test
  void eachUnreadablePlaybookIsInvalidSpecNamingTheField() {
    for (var bad : PLAYBOOKS) {
      awaitInvalidSpec(bad, RemediationPlaybook.class, NS, p -> p.getStatus().conditions());
    }
  }

  @Test
  void anIncidentWhoseSpecCannotBeReadIsSuppressedNamingTheField() {
    for (var bad : INCIDENT_SPECS) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        var status = client.resources(Incident.class).inNamespace(NS).withName(bad.name()).get().getStatus();
        assertThat(status.getPhase()).as("%s", bad).isEqualTo(IncidentPhase.Suppressed);
        assertThat(status.getReason()).isEqualTo(Conditions.INVALID_SPEC);
        assertThat(status.getMessage()).contains(bad.field());
      });
    }
  }

  @Test
  void anIncidentWhoseStatusCannotBeReadIsLeftAsItIsAndAnEventNamesTheField() {
    for (var bad : INCIDENT_STATUSES) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events(bad.name()))
          .anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("InvalidStatus");
            assertThat(e.getMessage()).contains(bad.field());
          }));
      var raw = client.genericKubernetesResources("progressive.dev/v1alpha1", "Incident").inNamespace(NS).withName(bad.name()).get();
      @SuppressWarnings("unchecked")
      var status = (Map<String, Object>) raw.getAdditionalProperties().get("status");
      assertThat(status).as("status of %s, as written", bad).containsEntry("target", "good");
    }
    assertThat(client.apps().deployments().inNamespace(NS).withName("good").get().getSpec().getReplicas())
        .as("the good agent's replicas: no mitigation of an unreadable Incident is taken up or dropped").isEqualTo(3);
  }

  private static <T extends HasMetadata> void awaitInvalidSpec(
      BadInput bad, Class<T> type, String namespace, Function<T, List<Condition>> conditions) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var ready = ready(client.resources(type).inNamespace(namespace).withName(bad.name()).get(), conditions);
      assertThat(ready.getStatus()).as("Ready of %s", bad).isEqualTo("False");
      assertThat(ready.getReason()).as("reason of %s", bad).isEqualTo(Conditions.INVALID_SPEC);
      assertThat(ready.getMessage()).as("message of %s", bad).contains(bad.field());
    });
  }

  private static <T> Condition ready(T resource, Function<T, List<Condition>> conditions) {
    assertThat(resource).isNotNull();
    return Conditions.find(conditions.apply(resource), Conditions.READY).orElseThrow(() -> new AssertionError("no Ready yet"));
  }

  private static List<Event> events(String name) {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
  }
}

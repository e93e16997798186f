package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.delivery.TemplateRevision;
import dev.progressive.operator.delivery.Track;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two Deployments of a rollout: what each runs, how they tell their pods apart, and how they share the replicas. */
class CanaryDeploymentsTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ActiveMitigations RESTARTED = ActiveMitigations.NONE.keepingRestart(Optional.of("2026-12-03T10:00:00Z"));

  @Test
  void theStableDeploymentRecordsTheTemplateItRunsSoThatItsRevisionIsKnownLater() {
    var agent = Agents.agent("npa", AgentType.NPA);
    var template = AgentDeployment.template(agent);

    var stable = AgentDeployment.stable(agent, template, 2, RESTARTED);

    var recorded = AgentDeployment.recordedTemplateJson(stable).map(AgentDeployment::templateOf).orElseThrow();
    assertThat(TemplateRevision.of(recorded)).isEqualTo(TemplateRevision.of(template));
    assertThat(stable.getSpec().getTemplate().getMetadata().getLabels()).containsEntry(Track.POD_LABEL, "stable");
    assertThat(recorded.getMetadata().getLabels()).as("the record is the template before any track")
        .doesNotContainKey(Track.POD_LABEL);
    assertThat(recorded.getMetadata().getAnnotations()).doesNotContainKey(AgentDeployment.RESTARTED_AT);
  }

  @Test
  @SuppressWarnings("unchecked")
  void eachTrackRunsTheTemplateAsItIsWithOnlyItsLabelAndTheRestartStampAdded() {
    var agent = Agents.agent("npa", AgentType.NPA);
    var template = AgentDeployment.template(agent);
    var before = SERIALIZATION.asJson(template);
    var expected = SERIALIZATION.convertValue(template, Map.class);
    ((Map<String, Map<String, Object>>) expected.get("metadata")).get("labels").put(Track.POD_LABEL, "stable");
    ((Map<String, Map<String, Object>>) expected.get("metadata")).get("annotations").put(AgentDeployment.RESTARTED_AT, "2026-12-03T10:00:00Z");

    var stable = AgentDeployment.stable(agent, template, 2, RESTARTED);

    assertThat(SERIALIZATION.convertValue(stable.getSpec().getTemplate(), Map.class)).as("field for field, so that no pod rolls")
        .isEqualTo(expected);
    assertThat(SERIALIZATION.asJson(template)).as("the shared template is left as it was").isEqualTo(before);
  }

  @Test
  void aDeploymentWrittenBeforeRolloutsRecordsNoTemplate() {
    var legacy = AgentDeployment.stable(Agents.agent("npa", AgentType.NPA), AgentDeployment.template(Agents.agent("npa", AgentType.NPA)),
        2, ActiveMitigations.NONE);
    legacy.getMetadata().setAnnotations(null);

    assertThat(AgentDeployment.recordedTemplateJson(legacy)).isEmpty();
  }

  @Test
  void theCanarySelectsOnlyItsOwnPodsAndCarriesTheMitigationsToo() {
    var agent = Agents.agent("npa", AgentType.NPA);
    agent.getSpec().setEnv(List.of(new EnvVar("GREETING", "v2", null)));

    var canary = AgentDeployment.canary(agent, AgentDeployment.template(agent), 1, RESTARTED);
    var stable = AgentDeployment.stable(agent, AgentDeployment.template(Agents.agent("npa", AgentType.NPA)), 2, RESTARTED);

    assertThat(canary.getMetadata().getName()).isEqualTo("npa-canary");
    assertThat(canary.getSpec().getReplicas()).isEqualTo(1);
    assertThat(canary.getSpec().getSelector().getMatchLabels())
        .containsAllEntriesOf(stable.getSpec().getSelector().getMatchLabels()).containsEntry(Track.POD_LABEL, "canary");
    var pods = canary.getSpec().getTemplate();
    assertThat(pods.getMetadata().getLabels()).containsAllEntriesOf(canary.getSpec().getSelector().getMatchLabels())
        .as("behind the same Service").containsEntry(AgentDeployment.SERVING_LABEL, "true");
    assertThat(pods.getMetadata().getAnnotations()).containsEntry(AgentDeployment.RESTARTED_AT, "2026-12-03T10:00:00Z");
    assertThat(stable.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry(AgentDeployment.RESTARTED_AT, "2026-12-03T10:00:00Z");
    assertThat(pods.getSpec().getContainers().get(0).getEnv()).extracting(EnvVar::getName).contains("GREETING");
    assertThat(stable.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()).extracting(EnvVar::getName)
        .doesNotContain("GREETING");
  }

  @Test
  void theStablePodsGiveWayToTheCanarysReadyPodsOneForOneKeepingOne() {
    assertThat(AgentRollout.stableBesideCanary(4, 2, 0)).as("canary starting").isEqualTo(4);
    assertThat(AgentRollout.stableBesideCanary(4, 2, 1)).isEqualTo(3);
    assertThat(AgentRollout.stableBesideCanary(4, 2, 2)).isEqualTo(2);
    assertThat(AgentRollout.stableBesideCanary(2, 2, 2)).as("at least one").isEqualTo(1);
    assertThat(AgentRollout.stableBesideCanary(3, 0, 0)).as("no canary").isEqualTo(3);
    var template = AgentDeployment.template(Agents.agent("npa", AgentType.NPA));
    assertThat(AgentRollout.direct(template, 3).stableReplicas()).isEqualTo(3);
    assertThat(AgentRollout.direct(template, 3).canaryReplicas()).isZero();
  }
}

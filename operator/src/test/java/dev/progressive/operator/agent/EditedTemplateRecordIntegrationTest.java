package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.OperatorHarness;
import dev.progressive.operator.UserEdits;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stable Deployment records the template its pods run in an annotation, from which the operator tells a
 * rollout's revisions apart. Edited by hand into something that is no pod template, it must neither fail every
 * reconcile of the agent nor reach the pods: the operator writes the spec's template and its record again.
 */
class EditedTemplateRecordIntegrationTest {
  private static final String NS = "edited-record";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void aRecordThatIsNoPodTemplateIsWrittenAgainFromTheSpec() throws IOException {
    try (var harness = OperatorHarness.start()) {
      harness.client().resource(Agents.sampleCanary(NS)).create();
      await().atMost(PATIENCE).until(() -> ready(harness));
      var recorded = record(harness);
      var template = stable(harness).getSpec().getTemplate();

      for (var edited : List.of("not json at all", "{}", "{\"spec\":{\"containers\":[]}}", "[1,2]")) {
        UserEdits.edit(() -> harness.client().apps().deployments().inNamespace(NS).withName("npa").edit(d -> {
          d.getMetadata().getAnnotations().put(AgentDeployment.TEMPLATE_ANNOTATION, edited);
          return d;
        }));

        await("the record edited to " + edited + " written again").atMost(PATIENCE)
            .untilAsserted(() -> assertThat(record(harness)).isEqualTo(recorded));
        assertThat(stable(harness).getSpec().getTemplate()).as("the stable pods' template").isEqualTo(template);
        assertThat(harness.client().apps().deployments().inNamespace(NS).withName("npa-canary").get()).as("a canary").isNull();
        assertThat(ready(harness)).as("Ready after the record was %s", edited).isTrue();
      }
    }
  }

  private static boolean ready(OperatorHarness harness) {
    var agent = harness.client().resources(ProgressiveAgent.class).inNamespace(NS).withName("npa").get();
    return agent.getStatus() != null && Conditions.isTrue(agent.getStatus().getConditions(), Conditions.READY);
  }

  private static Deployment stable(OperatorHarness harness) {
    return harness.client().apps().deployments().inNamespace(NS).withName("npa").get();
  }

  private static String record(OperatorHarness harness) {
    return stable(harness).getMetadata().getAnnotations().get(AgentDeployment.TEMPLATE_ANNOTATION);
  }
}

package dev.progressive.operator.remediation;

import static dev.progressive.operator.remediation.Incidents.agent;
import static dev.progressive.operator.remediation.Incidents.playbook;
import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.RemediationPlaybook;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepAction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionTest {
  private final List<ProgressiveAgent> agents =
      List.of(agent("mca", AgentType.MCA), agent("npa", AgentType.NPA), agent("rpa", AgentType.RPA));

  @Test
  void aPlaybookThatActsOnlyByTypeDoesNotClaimTheAlertsOwnAgent() {
    var byType = with(step(StepAction.SCALE, "mca"), step(StepAction.NOTIFY, "mca"));
    assertThat(Detection.actedOn(agents, byType, "rpa")).containsExactly("mca");
  }

  @Test
  void aStepWithoutTypesActsOnTheAlertsOwnAgentBesideTheTypedOnes() {
    var both = with(step(StepAction.SCALE, "mca"), step(StepAction.DIAGNOSTICS));
    assertThat(Detection.actedOn(agents, both, "rpa")).containsExactly("mca", "rpa");
    assertThat(Detection.actedOn(agents, both, null)).containsExactly("mca");
  }

  @Test
  void aRunWhoseStepsNameNoAgentHoldsTheAlertsOwn() {
    var noneOfThatType = with(step(StepAction.SCALE, "wpa"));
    assertThat(Detection.actedOn(agents, noneOfThatType, "rpa")).containsExactly("rpa");
    assertThat(Detection.actedOn(agents, noneOfThatType, null)).isEmpty();
  }

  private static RemediationPlaybook with(Step... steps) {
    var playbook = playbook(Incidents.NS, "p", 0, List.of(), Map.of());
    playbook.getSpec().setSteps(List.of(steps));
    return playbook;
  }

  private static Step step(StepAction action, String... types) {
    var step = new Step(action);
    step.setAgentTypes(Arrays.asList(types));
    return step;
  }
}

package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ObservabilityStackSpec;
import dev.progressive.operator.api.Remediation;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemediationPauseTest {
  private static final RemediationSettings RUNNING = RemediationSettings.defaults();
  private static final RemediationSettings PAUSED =
      new RemediationSettings(false, Optional.empty(), 100, Duration.ofDays(7), true);

  @Test
  void theOperatorsSwitchPausesEveryNamespaceWhateverItsStackSays() {
    assertThat(RemediationPause.why(PAUSED, Optional.empty(), Optional.empty())).contains("the operator runs with --remediation-paused");
    assertThat(RemediationPause.why(PAUSED, Optional.empty(), Optional.of(stack(false)))).contains("the operator runs with --remediation-paused");
  }

  @Test
  void aStackPausesItsNamespaceOnlyWhileItsSwitchIsTrue() {
    assertThat(RemediationPause.why(RUNNING, Optional.empty(), Optional.of(stack(true))))
        .contains("ObservabilityStack obs has spec.remediation.paused: true");
    assertThat(RemediationPause.why(RUNNING, Optional.empty(), Optional.of(stack(false)))).isEmpty();
    assertThat(RemediationPause.why(RUNNING, Optional.empty(), Optional.of(stack(null)))).isEmpty();
    var withoutRemediation = stack(null);
    withoutRemediation.getSpec().setRemediation(null);
    assertThat(RemediationPause.why(RUNNING, Optional.empty(), Optional.of(withoutRemediation))).isEmpty();
    assertThat(RemediationPause.why(RUNNING, Optional.empty(), Optional.empty())).isEmpty();
  }

  @Test
  void aPausedNamespacePausesItsIncidentsWhateverItsStackSays() {
    var namespace = new NamespaceBuilder().withNewMetadata().withName("team-a")
        .addToLabels("progressive.dev/remediation", "paused").endMetadata().build();
    assertThat(RemediationPause.why(RUNNING, Optional.of(namespace), Optional.of(stack(false))))
        .contains("Namespace team-a has label progressive.dev/remediation=paused");
  }

  private static ObservabilityStack stack(Boolean paused) {
    var stack = new ObservabilityStack();
    stack.setMetadata(new ObjectMetaBuilder().withName("obs").withNamespace("team-a").build());
    stack.setSpec(new ObservabilityStackSpec());
    var remediation = new Remediation();
    remediation.setPaused(paused);
    stack.getSpec().setRemediation(remediation);
    return stack;
  }
}

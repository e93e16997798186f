package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InterruptedIOException;
import org.junit.jupiter.api.Test;

class StepFailureTest {
  @Test
  void saysTheKindAndTheFirstLineOfTheMessage() {
    var failure = new IllegalStateException("Secret chat has no key url\n\tat somewhere(Else.java:1)");
    assertThat(StepFailure.describe(failure)).isEqualTo("IllegalStateException: Secret chat has no key url");
  }

  @Test
  void aFailureWithoutAMessageIsNamedByItsKind() {
    assertThat(StepFailure.describe(new UnsupportedOperationException())).isEqualTo("UnsupportedOperationException");
  }

  @Test
  void aLongMessageIsCut() {
    var line = StepFailure.describe(new RuntimeException("x".repeat(1000)));
    assertThat(line).hasSize(StepFailure.MAX_LENGTH).endsWith("...").doesNotContain("\n");
  }

  @Test
  void aRequestCutShortByTheOperatorStoppingIsNoFailureOfTheStep() {
    var interrupted = new KubernetesClientException("Operation: [list] failed", new InterruptedIOException());
    assertThat(StepFailure.stopping(interrupted)).isTrue();
    assertThat(StepFailure.stopping(new KubernetesClientException("Forbidden", 403, null))).isFalse();
  }

  @Test
  void anInterruptedThreadIsStopping() {
    Thread.currentThread().interrupt();
    try {
      assertThat(StepFailure.stopping(new IllegalStateException("closed"))).isTrue();
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
  }
}

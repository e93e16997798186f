package dev.progressive.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class FailuresTest {
  @Test
  void aWorkflowFailureNamesEachFailedDependentAndItsCauseOnOneLine() {
    var failure = FailureSamples.workflowFailure();
    assertThat(failure.getMessage()).as("what the condition used to carry").contains("\tat dev.progressive.");
    assertThat(Failures.oneLine(failure)).isEqualTo(
        "dashboards-configmap: 409 AlreadyExists: configmaps \"observability-dashboards\" already exists;"
            + " loki-datasource: Cannot invoke \"Logging.getLokiUrl()\" because \"logging\" is null");
  }

  @Test
  void anApiErrorIsItsCodeReasonAndMessageWithoutTheRequest() {
    assertThat(Failures.oneLine(FailureSamples.alreadyExists("services", "npa")))
        .isEqualTo("409 AlreadyExists: services \"npa\" already exists");
  }

  @Test
  void aGenericMessageIsCompletedByItsCause() {
    var failure = new KubernetesClientException("An error has occurred.", new ConnectException("Connection refused"));
    assertThat(Failures.oneLine(failure)).isEqualTo("An error has occurred: Connection refused");
  }

  @Test
  void aWrapperThatOnlyRepeatsItsCauseIsSkipped() {
    assertThat(Failures.oneLine(new RuntimeException(new IllegalStateException("no such key"))))
        .isEqualTo("no such key");
  }

  @Test
  void anExceptionWithoutMessageIsNamedByItsClass() {
    assertThat(Failures.oneLine(new NullPointerException())).isEqualTo("NullPointerException");
    assertThat(Failures.oneLine(new IllegalStateException("", new NullPointerException()))).isEqualTo("NullPointerException");
  }

  @Test
  void aMultiLineMessageKeepsItsFirstLine() {
    assertThat(Failures.oneLine(new IllegalStateException("first line\n\tat somewhere(Here.java:1)\nmore")))
        .isEqualTo("first line");
  }

  @Test
  void aLongMessageIsCut() {
    var line = Failures.oneLine(new IllegalStateException("x".repeat(2 * Failures.MAX_LENGTH)));
    assertThat(line).hasSize(Failures.MAX_LENGTH).endsWith("…");
  }

  @Test
  void aLoopingCauseChainEnds() {
    var first = new IllegalStateException("first");
    var second = new IllegalStateException("second", first);
    first.initCause(second);
    assertThat(Failures.oneLine(first)).startsWith("first: second: first").doesNotContain("\n");
  }
}

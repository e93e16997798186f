package dev.progressive.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Label keys and values are checked as the Kubernetes API server checks them. */
class LabelSyntaxTest {

  @ParameterizedTest
  @ValueSource(strings = {"release", "app.kubernetes.io/name", "a", "A-b_c.d", "example.com/x", "grafana_dashboard"})
  void validKeys(String key) {
    assertThat(LabelSyntax.keyProblem(key)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-release", "release-", "my key", "a/b/c", "/name", "Example.com/x", "example.com/",
      "ex_ample.com/x", "é"})
  void invalidKeys(String key) {
    assertThat(LabelSyntax.keyProblem(key)).isPresent();
  }

  @Test
  void keyLimits() {
    assertThat(LabelSyntax.keyProblem("x".repeat(63))).isEmpty();
    assertThat(LabelSyntax.keyProblem("x".repeat(64))).hasValueSatisfying(p -> assertThat(p).contains("1 to 63"));
    var longPrefix = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63);
    assertThat(LabelSyntax.keyProblem(longPrefix + "/name")).hasValueSatisfying(p -> assertThat(p).contains("at most 253"));
    assertThat(LabelSyntax.keyProblem("a".repeat(63) + "." + "b".repeat(63) + "/" + "n".repeat(63))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "kube-prometheus-stack", "v1.2_3", "A"})
  void validValues(String value) {
    assertThat(LabelSyntax.valueProblem(value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-a", "a-", "a b", "a/b", "ä", ".a"})
  void invalidValues(String value) {
    assertThat(LabelSyntax.valueProblem(value)).isPresent();
  }

  @Test
  void aValueIsAStringOfAtMost63Characters() {
    assertThat(LabelSyntax.valueProblem(null)).hasValue("must be a string; got null");
    assertThat(LabelSyntax.valueProblem(5)).hasValue("must be a string; got 5");
    assertThat(LabelSyntax.valueProblem("x".repeat(63))).isEmpty();
    assertThat(LabelSyntax.valueProblem("x".repeat(64))).hasValue("must be at most 63 characters; got 64");
  }

  @Test
  void eachProblemNamesItsKeyAndOnlyValidEntriesPass() {
    var labels = new LinkedHashMap<String, Object>();
    labels.put("team", "platform");
    labels.put("release", null);
    labels.put("bad key", "x");
    labels.put("tier", "a b");
    assertThat(LabelSyntax.check("spec.prometheus.selectorLabels", labels)).extracting(Object::toString).containsExactly(
        "spec.prometheus.selectorLabels.release: must be a string; got null",
        "spec.prometheus.selectorLabels.bad key: the key's name \"bad key\" must be 1 to 63 letters, digits, '-', '_' and '.',"
            + " beginning and ending with a letter or digit",
        "spec.prometheus.selectorLabels.tier: must be empty or letters, digits, '-', '_' and '.', beginning and ending with"
            + " a letter or digit; got \"a b\"");
    assertThat(LabelSyntax.valid(labels)).containsExactlyEntriesOf(Map.of("team", "platform"));
    assertThat(LabelSyntax.check("f", null)).isEmpty();
    assertThat(LabelSyntax.valid(null)).isEmpty();
  }
}

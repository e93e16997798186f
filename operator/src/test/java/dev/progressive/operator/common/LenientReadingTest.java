package dev.progressive.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.ProgressiveAgent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client reads our resources leniently: each problem is named with its path, never thrown. */
class LenientReadingTest {
  private static final KubernetesSerialization CLIENT = new KubernetesSerialization();

  private static ProgressiveAgent agent(String spec) {
    return CLIENT.unmarshal("""
        {"apiVersion":"progressive.dev/v1alpha1","kind":"ProgressiveAgent","metadata":{"name":"a","namespace":"n"},
         "spec":%s}""".formatted(spec), ProgressiveAgent.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {"agentType":"xyz"}                         | spec.agentType: unsupported value "xyz"; use one of mca, npa, wpa, bma, rpa, custom
      {"agentType":3}                             | spec.agentType: unsupported value 3; use one of mca, npa, wpa, bma, rpa, custom
      {"replicaz":4}                              | spec.replicaz: unknown field; remove it, or upgrade the operator if a newer CRD defines it (known fields: agentType, circuitBreaker, delivery, env, image, monitoring, port, replicas, resources, scaling, tracing, upstreams)
      {"scaling":{"minReplicaz":4}}               | spec.scaling.minReplicaz: unknown field
      {"upstreams":[{"name":"a"},{"nme":"b"}]}    | spec.upstreams[1].nme: unknown field
      {"replicas":"four"}                         | spec.replicas: expected an integer, got "four"
      {"replicas":"4"}                            | spec.replicas: expected an integer, got "4"
      {"image":42}                                | spec.image: 42 is not a string
      {"image":{"a":1}}                           | spec.image: expected a string, got an object
      {"env":"x"}                                 | spec.env: expected a list, got a string
      {"scaling":5}                               | spec.scaling: expected an object, got a number
      "hello"                                     | spec: expected an object, got a string
      """)
  void eachProblemIsNamedWithItsPathAndWhatIsAllowed(String spec, String expected) {
    var agent = agent(spec);
    assertThat(agent.unreadable()).singleElement().asString().startsWith(expected);
    assertThat(agent.unreadableSpec()).isEqualTo(agent.unreadable());
  }

  @Test
  void theRestOfTheSpecIsStillReadAroundAProblem() {
    var agent = agent("{\"agentType\":\"npa\",\"replicaz\":4,\"image\":\"x\",\"scaling\":{\"maxReplicas\":3,\"bad\":1}}");
    assertThat(agent.getSpec().getAgentType()).isEqualTo(AgentType.NPA);
    assertThat(agent.getSpec().getScaling().getMaxReplicas()).isEqualTo(3);
    assertThat(agent.unreadable()).extracting(SpecViolation::field).containsExactly("spec.replicaz", "spec.scaling.bad");
  }

  @Test
  void aReadableResourceHasNoProblemsAndSurvivesCloning() {
    var agent = agent("{\"agentType\":\"npa\",\"image\":\"x\"}");
    assertThat(agent.readable()).isTrue();
    var broken = agent("{\"agentType\":\"npa\",\"replicaz\":4}");
    assertThat(new ResourceCloner(CLIENT).clone(broken).unreadable()).isEqualTo(broken.unreadable());
  }

  @Test
  void aProblemInTheStatusIsNotASpecProblem() {
    var agent = CLIENT.unmarshal("""
        {"apiVersion":"progressive.dev/v1alpha1","kind":"ProgressiveAgent","metadata":{"name":"a"},
         "spec":{"agentType":"npa"},"status":{"replicas":"many"}}""", ProgressiveAgent.class);
    assertThat(agent.unreadable()).extracting(SpecViolation::field).containsExactly("status.replicas");
    assertThat(agent.unreadableSpec()).isEmpty();
  }
}

package dev.progressive.operator.dev;

import static dev.progressive.operator.dev.AdmissionFixture.admitted;
import static dev.progressive.operator.dev.AdmissionFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.delivery.DeliveryPlan;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** spec.delivery as the API server admits it: the CRD's defaults agree with the operator's, and bad values are refused. */
class DeliverySchemaTest {
  private static final AdmissionFixture AGENTS = AdmissionFixture.forKind("ProgressiveAgent");
  private static final String AGENT = """
      {"apiVersion":"progressive.dev/v1alpha1","kind":"ProgressiveAgent","metadata":{"name":"npa","namespace":"n"},
       "spec":{"agentType":"npa","image":"registry.example/agent-runtime:0.1.0","delivery":%s}}""";

  @Test
  void anEmptyDeliveryGetsTheDefaultsTheOperatorAssumes() {
    var stored = admitted(AGENTS.create(AGENT.formatted("{}"), "Strict"));

    assertThat(stored.at("/spec/delivery").toString()).isEqualTo("{\"interval\":\"2m\",\"maxErrorRatioIncrease\":0.01,"
        + "\"maxLatencyP95Increase\":0.1,\"minRequests\":50,\"steps\":[1,\"50%\",\"100%\"]}");
    var agent = new KubernetesSerialization().convertValue(stored, ProgressiveAgent.class);
    var stripped = new KubernetesSerialization().convertValue(
        AdmissionFixture.object(AGENT.formatted("null")), ProgressiveAgent.class);
    assertThat(DeliveryPlan.of(agent.getSpec())).isEqualTo(DeliveryPlan.of(stripped.getSpec()));
  }

  @Test
  void stepsMayMixCountsAndPercentages() {
    var stored = admitted(AGENTS.create(AGENT.formatted("{\"strategy\":\"canary\",\"steps\":[2,\"25%\",100,\"100%\"]}"), "Strict"));

    assertThat(stored.at("/spec/delivery/steps").toString()).isEqualTo("[2,\"25%\",100,\"100%\"]");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {"steps":[0]}             | spec.delivery.steps
      {"steps":["0%"]}          | spec.delivery.steps
      {"steps":["150%"]}        | spec.delivery.steps
      {"steps":["half"]}        | spec.delivery.steps
      {"steps":[101]}           | spec.delivery.steps
      {"steps":[]}              | spec.delivery.steps
      {"interval":"0m"}         | spec.delivery.interval
      {"interval":"2 minutes"}  | spec.delivery.interval
      {"minRequests":0}         | spec.delivery.minRequests
      {"maxErrorRatioIncrease":2} | spec.delivery.maxErrorRatioIncrease
      {"strategy":"blue-green"} | spec.delivery.strategy
      """)
  void refusesAnInvalidDeliveryNamingTheField(String delivery, String field) {
    var status = status(AGENTS.create(AGENT.formatted(delivery), "Strict"));

    assertThat(status.path("code").asInt()).isEqualTo(422);
    assertThat(status.path("details").path("causes").get(0).path("field").asText()).isEqualTo(field);
  }

  @Test
  void aBadStepIsRefusedWithTheRulesMessage() {
    assertThat(status(AGENTS.create(AGENT.formatted("{\"steps\":[1,\"150%\"]}"), "Strict")).path("message").asText())
        .endsWith("each step is a pod count from 1 to 100 or a percentage from 1% to 100%");
  }
}

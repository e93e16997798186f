package dev.progressive.operator.dev;

import static dev.progressive.operator.dev.AdmissionFixture.admitted;
import static dev.progressive.operator.dev.AdmissionFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ProgressiveAgents admitted by their CRD as the API server admits them, with its messages. */
class SchemaAdmissionTest {
  private static final AdmissionFixture AGENTS = AdmissionFixture.forKind("ProgressiveAgent");
  private static final String AGENT = """
      {"apiVersion":"progressive.dev/v1alpha1","kind":"ProgressiveAgent","metadata":{"name":"%s","namespace":"n"},
       "spec":{"agentType":"npa","image":"registry.example/agent-runtime:0.1.0"%s}%s}""";
  private static final String NOT_CHECKED = "<nil>: Invalid value: \"null\": some validation rules were not checked because the"
      + " object was invalid; correct the existing errors to complete validation";

  private static String agent(String name, String moreSpec) {
    return AGENT.formatted(name, moreSpec, "");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      ,"agentType":"xyz"               | [spec.agentType: Unsupported value: "xyz": supported values: "bma", "custom", "mca", "npa", "rpa", "wpa", NOT_CHECKED]
      ,"replicas":5,"scaling":{"maxReplicas":3} | spec: Invalid value: "object": replicas must lie within scaling.minReplicas and scaling.maxReplicas
      ,"port":80                       | spec.port: Invalid value: 80: spec.port in body should be greater than or equal to 1024
      ,"port":70000                    | spec.port: Invalid value: 70000: spec.port in body should be less than or equal to 65535
      ,"image":"Not An Image"          | spec.image: Invalid value: "Not An Image": spec.image in body should match '^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$'
      ,"replicas":"four"               | [spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string", NOT_CHECKED]
      ,"monitoring":{"slo":{"availability":99.9,"latencyP95":0.3}} | spec.monitoring.slo: Invalid value: "object": slo.latencyP95 must be a bucket bound of agent_request_duration_seconds
      ,"upstreams":[{"name":"npa"}]    | [spec.upstreams[0].url: Required value, NOT_CHECKED]
      """)
  void refusesAnInvalidAgentWithTheApiServersMessage(String spec, String message) {
    var status = status(AGENTS.create(agent("x", spec), "Strict"));

    assertThat(status.path("code").asInt()).isEqualTo(422);
    assertThat(status.path("reason").asText()).isEqualTo("Invalid");
    assertThat(status.path("message").asText()).isEqualTo("ProgressiveAgent.progressive.dev \"x\" is invalid: "
        + message.replace("NOT_CHECKED", NOT_CHECKED));
    assertThat(status.path("details").path("kind").asText()).isEqualTo("ProgressiveAgent");
    assertThat(status.path("details").path("causes").get(0).path("field").asText()).isEqualTo(message.replaceAll("^\\[?([^:]+):.*", "$1"));
  }

  @Test
  void aRootRuleReadsMetadataName() {
    var status = status(AGENTS.create(agent("a.b", ""), "Strict"));

    assertThat(status.path("message").asText()).isEqualTo("ProgressiveAgent.progressive.dev \"a.b\" is invalid: <nil>: Invalid value:"
        + " \"object\": metadata.name must be a DNS label of at most 47 characters, so that every child's name and label fits 63");
  }

  @Test
  void aNameThatIsNoDnsSubdomainIsRefusedBeforeAnyRule() {
    var status = status(AGENTS.create(agent("Bad_Name", ""), "Strict"));

    assertThat(status.path("details").path("causes")).extracting(cause -> cause.path("field").asText())
        .containsExactly("metadata.name", "<nil>");
    assertThat(status.path("message").asText()).contains("metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain");
  }

  @Test
  void strictFieldValidationRefusesAnUnknownFieldAndWarnPrunesItWithAWarning() {
    var withUnknown = agent("x", ",\"replicaz\":4,\"scaling\":{\"minReplicaz\":1}");

    assertThat(status(AGENTS.create(withUnknown, "Strict")).path("message").asText()).isEqualTo("ProgressiveAgent in version"
        + " \"v1alpha1\" cannot be handled as a ProgressiveAgent: strict decoding error: unknown field \"spec.replicaz\","
        + " unknown field \"spec.scaling.minReplicaz\"");
    var warned = (SchemaAdmission.Outcome.Admitted) AGENTS.create(withUnknown, "Warn");
    assertThat(warned.warnings()).containsExactly("unknown field \"spec.replicaz\"", "unknown field \"spec.scaling.minReplicaz\"");
    assertThat(warned.object().path("spec").has("replicaz")).isFalse();
    assertThat(warned.object().path("spec").path("scaling").has("minReplicaz")).isFalse();
  }

  @Test
  void defaultsFillTheFieldsOfPresentObjectsOnly() {
    var stored = admitted(AGENTS.create(agent("x", ",\"circuitBreaker\":{}"), "Strict"));

    assertThat(stored.path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(stored.path("spec").path("port").asInt()).isEqualTo(8080);
    assertThat(stored.path("spec").path("circuitBreaker").toString()).isEqualTo("{\"enabled\":true,\"threshold\":5}");
    assertThat(stored.path("spec").has("scaling")).isFalse();
  }

  @Test
  void anIntOrStringTakesBothAndNothingElse() {
    admitted(AGENTS.create(agent("x", ",\"resources\":{\"limits\":{\"cpu\":\"500m\",\"memory\":512}}"), "Strict"));

    assertThat(status(AGENTS.create(agent("x", ",\"resources\":{\"limits\":{\"cpu\":true}}"), "Strict")).path("message").asText())
        .contains("spec.resources.limits[cpu]: Invalid value: \"boolean\": spec.resources.limits[cpu] in body must be of type"
            + " integer,string: \"boolean\"");
  }

  @Test
  void aSpecWriteKeepsTheStoredStatusAndAStatusWriteChangesAndValidatesOnlyTheStatus() {
    String stored = AGENT.formatted("x", "", ",\"status\":{\"replicas\":1}");
    var specWrite = admitted(AGENTS.update(AGENT.formatted("x", ",\"replicas\":2", ",\"status\":{\"replicas\":9}"), stored, false));
    assertThat(specWrite.path("status").path("replicas").asInt()).isEqualTo(1);

    var statusWrite = admitted(AGENTS.update(AGENT.formatted("x", ",\"replicas\":2", ",\"status\":{\"replicas\":3}"), stored, true));
    assertThat(statusWrite.path("status").path("replicas").asInt()).isEqualTo(3);
    assertThat(statusWrite.path("spec").has("replicas")).as("the spec is the stored one").isFalse();

    var badStatus = AGENT.formatted("x", "", ",\"status\":{\"observedGeneration\":\"one\"}");
    assertThat(status(AGENTS.update(badStatus, stored, true)).path("details").path("causes").get(0).path("field").asText())
        .isEqualTo("status.observedGeneration");
  }

  @Test
  void anUpdateKeepsAnErrorTheStoredObjectHadInAnUnchangedValueOnly() {
    String stored = agent("x", ",\"port\":80");

    admitted(AGENTS.update(agent("x", ",\"port\":80,\"replicas\":2"), stored, false));
    assertThat(status(AGENTS.update(agent("x", ",\"port\":81"), stored, false)).path("message").asText())
        .contains("spec.port: Invalid value: 81");
  }
}

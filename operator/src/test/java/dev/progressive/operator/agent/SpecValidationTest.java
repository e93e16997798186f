package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.ProgressiveAgentSpec;
import dev.progressive.operator.api.Scaling;
import dev.progressive.operator.api.Tracing;
import dev.progressive.operator.api.Upstream;
import dev.progressive.operator.common.SpecViolation;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecValidationTest {
  @Test
  void aSensibleSpecIsValid() {
    assertThat(SpecValidation.validate(Agents.agent("npa", AgentType.NPA).getSpec())).isEmpty();
  }

  @Test
  void replicasAboveTheCeilingNameBothFieldsAndTheFix() {
    var spec = Agents.agent("npa", AgentType.NPA).getSpec();
    var scaling = new Scaling();
    scaling.setMaxReplicas(3);
    spec.setScaling(scaling);
    spec.setReplicas(4);
    assertThat(SpecValidation.validate(spec)).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("spec.replicas");
      assertThat(v.message()).contains("spec.scaling.maxReplicas (3)").contains("lower replicas or raise maxReplicas");
    });
  }

  @Test
  void reportsEveryProblemWithItsField() {
    var spec = new ProgressiveAgentSpec();
    spec.setImage("Not An Image");
    spec.setPort(80);
    spec.setUpstreams(List.of(new Upstream("npa", "ftp://x"), new Upstream("npa", "http://npa:8080")));
    spec.setEnv(List.of(new EnvVarBuilder().withName("AGENT_TYPE").withValue("x").build()));
    var tracing = new Tracing();
    tracing.setSamplingRatio(1.5);
    spec.setTracing(tracing);
    assertThat(SpecValidation.validate(spec)).extracting(SpecViolation::field).containsExactly(
        "spec.agentType", "spec.image", "spec.port", "spec.upstreams[0].url", "spec.upstreams[1].name",
        "spec.env[0].name", "spec.tracing.samplingRatio");
  }

  @Test
  void aMissingSpecIsReported() {
    assertThat(SpecValidation.validate((ProgressiveAgentSpec) null)).extracting(SpecViolation::field).containsExactly("spec");
  }
}

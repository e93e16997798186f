package dev.progressive.operator.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodTemplatesTest {
  @Test
  void theReadinessPathIsTheFirstContainersHttpGet() {
    var template = new PodTemplateSpecBuilder(template(Map.of())).editSpec().editFirstContainer()
        .withNewReadinessProbe().withNewHttpGet().withPath("/health/ready").withPort(new IntOrString("http")).endHttpGet()
        .endReadinessProbe().endContainer().endSpec().build();

    assertThat(PodTemplates.readinessPath(template)).contains("/health/ready");
  }

  @Test
  void aProbeWithoutPathAsksForTheRootAndNoProbeMeansNone() {
    var rootProbe = new PodTemplateSpecBuilder(template(Map.of())).editSpec().editFirstContainer()
        .withNewReadinessProbe().withNewHttpGet().withPort(new IntOrString(8080)).endHttpGet()
        .endReadinessProbe().endContainer().endSpec().build();

    assertThat(PodTemplates.readinessPath(rootProbe)).contains("/");
    assertThat(PodTemplates.readinessPath(template(Map.of()))).isEmpty();
  }

  @Test
  void aSelectorNeedsEveryOneOfItsLabels() {
    var selector = Map.of("component", "agent", "managed-by", "operator");

    assertThat(PodTemplates.selectedBy(selector, template(Map.of("component", "agent", "managed-by", "operator", "name", "npa"))))
        .isTrue();
    assertThat(PodTemplates.selectedBy(selector, template(Map.of("component", "agent")))).isFalse();
    assertThat(PodTemplates.selectedBy(selector, new PodTemplateSpecBuilder().withNewSpec().endSpec().build())).isFalse();
  }

  @Test
  void theHashFollowsTheTemplate() {
    assertThat(PodTemplates.hash(template(Map.of("a", "1")))).isEqualTo(PodTemplates.hash(template(Map.of("a", "1"))))
        .isNotEqualTo(PodTemplates.hash(template(Map.of("a", "2"))))
        .hasSize(10);
  }

  private static PodTemplateSpec template(Map<String, String> labels) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata().withLabels(labels).endMetadata()
        .withNewSpec().addNewContainer().withName("agent").withImage("example.dev/agent:1").endContainer().endSpec()
        .build();
  }
}

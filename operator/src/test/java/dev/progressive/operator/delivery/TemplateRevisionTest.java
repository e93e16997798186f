package dev.progressive.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A template's revision depends on what the template holds, never on the order its maps were built or read in. */
class TemplateRevisionTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @Test
  void theSameTemplateHasOneRevisionWhateverTheOrderOfItsMaps() {
    var labels = new LinkedHashMap<String, String>();
    labels.put("app", "npa");
    labels.put("tier", "agents");
    var reversed = new LinkedHashMap<String, String>();
    reversed.put("tier", "agents");
    reversed.put("app", "npa");

    assertThat(TemplateRevision.of(template(labels, "npa:1"))).isEqualTo(TemplateRevision.of(template(reversed, "npa:1")))
        .hasSize(10).matches("[0-9a-f]{10}");
  }

  @Test
  void aTemplateAndItsJsonHaveOneRevision() {
    var template = template(Map.of("app", "npa"), "npa:1");
    var json = SERIALIZATION.asJson(template);

    assertThat(TemplateRevision.ofJson(json)).isEqualTo(TemplateRevision.of(template));
    assertThat(TemplateRevision.ofJson("{\"spec\":" + SERIALIZATION.asJson(template.getSpec()) + ",\"metadata\":"
        + SERIALIZATION.asJson(template.getMetadata()) + "}")).as("keys in another order").isEqualTo(TemplateRevision.of(template));
  }

  @Test
  void anyChangeGivesAnotherRevision() {
    var before = TemplateRevision.of(template(Map.of("app", "npa"), "npa:1"));

    assertThat(TemplateRevision.of(template(Map.of("app", "npa"), "npa:2"))).isNotEqualTo(before);
    assertThat(TemplateRevision.of(template(Map.of("app", "wpa"), "npa:1"))).isNotEqualTo(before);
    assertThat(TemplateRevision.of(template(Map.of("app", "npa"), "npa:1"))).as("asked again").isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "{}", "[1]", "{\"spec\":{\"containers\":[]}}", "{\"spec\":[]}", "null"})
  void jsonThatIsNoPodTemplateWithAContainerHasNoRevision(String json) {
    assertThatThrownBy(() -> TemplateRevision.ofJson(json)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TemplateRevision.ofJson(json)).as("asked again").isInstanceOf(IllegalArgumentException.class);
  }

  private static PodTemplateSpec template(Map<String, String> labels, String image) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata().withLabels(labels).endMetadata()
        .withNewSpec().addNewContainer().withName("agent").withImage(image).endContainer().endSpec()
        .build();
  }
}

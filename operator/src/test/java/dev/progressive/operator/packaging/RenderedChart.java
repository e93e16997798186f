package dev.progressive.operator.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The manifests `helm template` printed, parsed with Jackson YAML. */
record RenderedChart(String yaml, List<JsonNode> manifests) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** Where each kind that runs pods keeps its pod spec. */
  private static final Map<String, String> POD_SPEC_PATHS = Map.of(
      "Pod", "/spec",
      "Deployment", "/spec/template/spec",
      "StatefulSet", "/spec/template/spec",
      "DaemonSet", "/spec/template/spec",
      "ReplicaSet", "/spec/template/spec",
      "Job", "/spec/template/spec",
      "CronJob", "/spec/jobTemplate/spec/template/spec");

  static RenderedChart parse(String yaml) {
    try (var parser = YAML.createParser(yaml)) {
      var documents = YAML.readValues(parser, JsonNode.class).readAll().stream()
          .filter(node -> node != null && node.isObject() && !node.isEmpty())
          .toList();
      return new RenderedChart(yaml, documents);
    } catch (IOException e) {
      throw new UncheckedIOException("helm printed YAML that does not parse", e);
    }
  }

  List<JsonNode> ofKind(String kind) {
    return manifests.stream().filter(m -> m.path("kind").asText().equals(kind)).toList();
  }

  /** Every pod spec, named "Kind/name". */
  Map<String, PodSpec> podSpecs() {
    var serialization = new KubernetesSerialization();
    return manifests.stream()
        .filter(m -> POD_SPEC_PATHS.containsKey(m.path("kind").asText()))
        .collect(Collectors.toMap(
            RenderedChart::name,
            m -> serialization.convertValue(m.at(POD_SPEC_PATHS.get(m.path("kind").asText())), PodSpec.class)));
  }

  static String name(JsonNode manifest) {
    return manifest.path("kind").asText() + "/" + manifest.path("metadata").path("name").asText();
  }
}

package dev.progressive.operator.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.progressive.operator.cli.Manifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The samples users apply: the files samples/kustomization.yaml lists (what `kubectl apply -k samples/` applies). */
final class Samples {
  static final Path DIRECTORY = ProjectTools.root().resolve("samples");

  private Samples() {}

  static List<Path> files() {
    try {
      JsonNode kustomization = new ObjectMapper(new YAMLFactory()).readTree(DIRECTORY.resolve("kustomization.yaml").toFile());
      var files = new ArrayList<Path>();
      kustomization.path("resources").forEach(entry -> files.add(DIRECTORY.resolve(entry.asText())));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<GenericKubernetesResource> resources() {
    var resources = new ArrayList<GenericKubernetesResource>();
    for (var file : files()) {
      try {
        Manifests.read(file).forEach(document -> resources.add(Manifests.convert(document, GenericKubernetesResource.class)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return resources;
  }
}

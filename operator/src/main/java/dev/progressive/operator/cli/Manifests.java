package dev.progressive.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests: every YAML document of a file, or of every YAML file directly in a
 * directory (not its subdirectories, as with `kubectl apply -f dir`: samples/argocd/ holds Argo CD's
 * Applications, which are for Argo CD, not for the operator).
 */
public final class Manifests {
  /** Kustomize's own file describes a build, not a resource. */
  private static final String KUSTOMIZATION = "kustomization.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One document and the file it came from, so that errors can say where. */
  public record Document(Path source, JsonNode body) {
    public String kind() {
      return body.path("kind").asText("");
    }

    public String apiVersion() {
      return body.path("apiVersion").asText("");
    }
  }

  private Manifests() {}

  public static List<Document> read(Path fileOrDirectory) throws IOException {
    if (!Files.exists(fileOrDirectory)) {
      throw new IOException(fileOrDirectory + " does not exist");
    }
    var documents = new ArrayList<Document>();
    for (var file : yamlFiles(fileOrDirectory)) {
      try (var parser = YAML.createParser(file.toFile())) {
        YAML.readValues(parser, JsonNode.class).readAll().stream()
            .filter(node -> node != null && node.isObject() && !node.isEmpty())
            .forEach(node -> documents.add(new Document(file, node)));
      }
    }
    return documents;
  }

  private static List<Path> yamlFiles(Path fileOrDirectory) throws IOException {
    if (Files.isRegularFile(fileOrDirectory)) {
      return List.of(fileOrDirectory);
    }
    try (Stream<Path> files = Files.list(fileOrDirectory)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> !p.getFileName().toString().equals(KUSTOMIZATION))
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  public static <T> T convert(Document document, Class<T> type) {
    return YAML.convertValue(document.body(), type);
  }
}

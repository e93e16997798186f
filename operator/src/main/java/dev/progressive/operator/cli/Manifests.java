package dev.progressive.operator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
  /** A line that starts a YAML document; each document is parsed alone, so that one broken document spoils no other. */
  private static final Pattern DOCUMENT_START = Pattern.compile("(?m)^---[ \\t]*(#.*)?\\n");

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

  /** Every document; a document that is not YAML fails the whole read, naming its file and line. */
  public static List<Document> read(Path fileOrDirectory) throws IOException {
    return read(fileOrDirectory, problem -> {
      throw new IOException(problem);
    });
  }

  /** What cannot be parsed is told to {@code unparsable} ("file:line: what"), document by document; the rest is read. */
  public static List<Document> read(Path fileOrDirectory, Unparsable unparsable) throws IOException {
    if (!Files.exists(fileOrDirectory)) {
      throw new IOException(fileOrDirectory + " does not exist");
    }
    var documents = new ArrayList<Document>();
    for (var file : yamlFiles(fileOrDirectory)) {
      int firstLine = 1;
      for (var text : DOCUMENT_START.split(Files.readString(file), -1)) {
        try {
          var node = YAML.readTree(text);
          if (node != null && node.isObject() && !node.isEmpty()) {
            documents.add(new Document(file, node));
          }
        } catch (JsonProcessingException e) {
          var line = e.getLocation() == null ? firstLine : firstLine + e.getLocation().getLineNr() - 1;
          unparsable.report(file + ":" + line + ": not valid YAML: " + String.join("; ", e.getOriginalMessage().lines()
              .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).toList()));
        }
        firstLine += text.split("\n", -1).length;
      }
    }
    return documents;
  }

  /** Told of each document that cannot be parsed. */
  @FunctionalInterface
  public interface Unparsable {
    void report(String problem) throws IOException;
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

package dev.progressive.operator.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.Map;

/** The YAML and JSON writers of everything this package generates. */
final class Serialization {

  /**
   * Map keys sorted, so that an unchanged input gives a byte-identical file; long lines kept whole,
   * so that a PromQL expression reads as one line.
   */
  static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .build())
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  static final ObjectMapper JSON = new ObjectMapper();

  private Serialization() {}

  static String yaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The plain map form that a Kubernetes client puts into a custom resource's {@code spec}. */
  static Map<String, Object> asMap(Object value) {
    return JSON.convertValue(value, new TypeReference<>() {});
  }
}

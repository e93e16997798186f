package dev.progressive.operator.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The YAML and JSON writers of everything this package generates. */
final class Serialization {

  /** Long lines kept whole, so that a PromQL expression reads as one line. */
  static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .build());

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

  /**
   * A map from alternating keys and values in that order, leaving out null values and empty
   * collections. Ordered, unlike {@code Map.of}, so that the same input gives the same bytes.
   */
  static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      boolean empty = value == null || value instanceof Collection<?> c && c.isEmpty()
          || value instanceof Map<?, ?> m && m.isEmpty();
      if (!empty) {
        fields.put((String) keysAndValues[i], value);
      }
    }
    return fields;
  }
}

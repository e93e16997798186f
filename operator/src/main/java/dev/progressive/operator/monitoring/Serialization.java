package dev.progressive.operator.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.Collection;
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
    return write(YAML, value);
  }

  static String write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The plain map form that a Kubernetes client puts into a custom resource's {@code spec}. */
  static Map<String, Object> asMap(Object value) {
    return asMap(JSON, value);
  }

  static Map<String, Object> asMap(ObjectMapper mapper, Object value) {
    return mapper.convertValue(value, new TypeReference<>() {});
  }

  /**
   * A copy of {@code mapper} that leaves out null properties and empty collections and maps. Unlike
   * {@link JsonInclude.Include#NON_EMPTY} it keeps an empty string, as the input gave it.
   */
  static ObjectMapper leavingOutAbsent(ObjectMapper mapper) {
    return mapper.copy().setDefaultPropertyInclusion(
        JsonInclude.Value.construct(JsonInclude.Include.CUSTOM, JsonInclude.Include.ALWAYS, Absent.class, null));
  }

  /** The filter of {@link JsonInclude.Include#CUSTOM}: a value equal to it is left out. */
  private static final class Absent {

    @Override
    public boolean equals(Object value) {
      return value == null || value instanceof Collection<?> c && c.isEmpty()
          || value instanceof Map<?, ?> m && m.isEmpty();
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }
}

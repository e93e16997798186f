package dev.progressive.operator.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.CustomResource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@link ProgressiveResource}: metadata as the client reads it; spec and status through a
 * mapper as strict as an API server's schema (no string for a number, no number for an enum), whose
 * problems are collected by {@link ReadProblems} instead of thrown. A problem the collector cannot
 * step over leaves that whole section at its default and is recorded too.
 */
final class LenientResourceReader extends JsonDeserializer<ProgressiveResource<?, ?>> implements ContextualDeserializer {
  static final String SPEC = "spec";
  static final String STATUS = "status";
  static final ObjectMapper STRICT = strictMapper();

  private final JavaType type;

  LenientResourceReader() {
    this(null);
  }

  private LenientResourceReader(JavaType type) {
    this.type = type;
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
    return new LenientResourceReader(context.getContextualType());
  }

  @Override
  public ProgressiveResource<?, ?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonNode tree = parser.readValueAsTree();
    ProgressiveResource<?, ?> resource = instantiate(context);
    if (tree.hasNonNull("apiVersion")) {
      resource.setApiVersion(tree.get("apiVersion").asText());
    }
    if (tree.hasNonNull("kind")) {
      resource.setKind(tree.get("kind").asText());
    }
    if (tree.has("metadata")) {
      resource.setMetadata(context.readTreeAsValue(tree.get("metadata"), ObjectMeta.class));
    }
    var parameters = type.findTypeParameters(CustomResource.class);
    var problems = new ArrayList<SpecViolation>();
    @SuppressWarnings("unchecked")
    var sections = (CustomResource<Object, Object>) (CustomResource<?, ?>) resource;
    read(tree, SPEC, parameters[0], problems).ifPresent(sections::setSpec);
    read(tree, STATUS, parameters[1], problems).ifPresent(sections::setStatus);
    resource.unreadable(problems);
    return resource;
  }

  private static Optional<Object> read(JsonNode tree, String section, JavaType sectionType, List<SpecViolation> problems) {
    if (!tree.has(section) || sectionType.getRawClass() == Void.class) {
      return Optional.empty();
    }
    var collected = new ReadProblems(section);
    Optional<Object> value = Optional.empty();
    try {
      value = Optional.ofNullable(STRICT.readerFor(sectionType).withHandler(collected).readValue(tree.get(section)));
    } catch (JsonMappingException e) {
      collected.add(ReadProblems.path(section, e.getPath()), collected.describe(e, tree.get(section)));
    } catch (IOException | RuntimeException e) {
      collected.add(section, ReadProblems.firstLine(e.getMessage()));
    }
    problems.addAll(collected.found());
    return value;
  }

  private ProgressiveResource<?, ?> instantiate(DeserializationContext context) throws IOException {
    try {
      return (ProgressiveResource<?, ?>) type.getRawClass().getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      return (ProgressiveResource<?, ?>) context.handleInstantiationProblem(type.getRawClass(), null, e);
    }
  }

  private static ObjectMapper strictMapper() {
    var mapper = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    for (var target : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      mapper.coercionConfigFor(target).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    for (var shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return mapper;
  }
}

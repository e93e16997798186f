package dev.progressive.operator.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Steps over what a section of a custom resource says that the model cannot take, and records each
 * such value with its path, what was found and what is allowed. The value read for it is null, so
 * the field keeps its default.
 */
final class ReadProblems extends DeserializationProblemHandler {

  private final String section;
  private final List<SpecViolation> found = new ArrayList<>();

  ReadProblems(String section) {
    this.section = section;
  }

  List<SpecViolation> found() {
    return found;
  }

  void add(String field, String message) {
    found.add(new SpecViolation(field, message));
  }

  @Override
  public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser, JsonDeserializer<?> deserializer,
      Object beanOrClass, String propertyName) throws IOException {
    var known = deserializer.getKnownPropertyNames().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    add(here(parser), "unknown field; remove it, or upgrade the operator if a newer CRD defines it (known fields: " + known + ")");
    parser.skipChildren();
    return true;
  }

  @Override
  public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value, String failureMsg) {
    add(here(context.getParser()), unsupported("\"" + value + "\"", targetType));
    return null;
  }

  @Override
  public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value, String failureMsg) {
    add(here(context.getParser()), unsupported(String.valueOf(value), targetType));
    return null;
  }

  @Override
  public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token, JsonParser parser,
      String failureMsg) throws IOException {
    return mismatch(parser, targetType.getRawClass(), token);
  }

  @Override
  public Object handleMissingInstantiator(DeserializationContext context, Class<?> instClass, ValueInstantiator instantiator,
      JsonParser parser, String msg) throws IOException {
    return mismatch(parser, instClass, parser.currentToken());
  }

  private Object mismatch(JsonParser parser, Class<?> expected, JsonToken token) throws IOException {
    add(here(parser), "expected " + expected(expected) + ", got " + describe(token));
    parser.skipChildren();
    return null;
  }

  /** The message for a value that failed a whole section, in the words of the problems above. */
  String describe(JsonMappingException e, JsonNode sectionValue) {
    if (e instanceof InvalidFormatException invalid) {
      return unsupported(String.valueOf(invalid.getValue()), invalid.getTargetType());
    }
    if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
      var found = sectionValue.at(pointer(e.getPath()));
      return "expected " + expected(mismatched.getTargetType()) + (found.isMissingNode() ? "" : ", got " + found);
    }
    return firstLine(e.getOriginalMessage());
  }

  private String unsupported(String value, Class<?> targetType) {
    if (targetType.isEnum()) {
      var allowed = Arrays.stream(targetType.getEnumConstants())
          .map(constant -> LenientResourceReader.STRICT.valueToTree(constant).asText()).collect(Collectors.joining(", "));
      return "unsupported value " + value + "; use one of " + allowed;
    }
    return value + " is not " + expected(targetType);
  }

  /** The path of the value the parser is at; a value that opens an object or a list is named by its parent. */
  private String here(JsonParser parser) {
    var context = parser.getParsingContext();
    if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
      context = context.getParent();
    }
    var names = new ArrayList<String>();
    for (var at = context; at != null && !at.inRoot(); at = at.getParent()) {
      if (at.inArray()) {
        names.add(0, "[" + Math.max(at.getCurrentIndex(), 0) + "]");
      } else if (at.getCurrentName() != null) {
        names.add(0, "." + at.getCurrentName());
      }
    }
    return section + String.join("", names);
  }

  static String path(String section, List<JsonMappingException.Reference> references) {
    var path = new StringBuilder(section);
    for (var reference : references) {
      path.append(reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]");
    }
    return path.toString();
  }

  private static String pointer(List<JsonMappingException.Reference> references) {
    return references.stream()
        .map(r -> "/" + (r.getFieldName() != null ? r.getFieldName().replace("~", "~0").replace("/", "~1") : r.getIndex()))
        .collect(Collectors.joining());
  }

  static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "cannot be read";
    }
    return message.lines().findFirst().orElse(message).replaceAll(" \\(class [^)]*\\)", "");
  }

  private static String expected(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return Integer.class == type || Long.class == type || int.class == type ? "an integer" : "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "an object";
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT, FIELD_NAME -> "an object";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString();
    };
  }
}

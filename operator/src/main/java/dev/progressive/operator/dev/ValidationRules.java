package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.progressive.operator.dev.FieldError.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Runs a structural schema's x-kubernetes-validations rules with CEL-Java, as the API server runs them with
 * cel-go: {@code self} is the value the rule sits on, {@code oldSelf} its value before an update; a rule that
 * names oldSelf (a transition rule) runs on updates of a value that existed only. A false rule fails with its
 * message: {@code spec: Invalid value: "object": replicas must lie within ...}. The environment has CEL's
 * standard library and the strings, sets, math, encoders and bindings extensions, not Kubernetes' own
 * libraries (quantity, URL, IP, isSorted...).
 */
final class ValidationRules {
  private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
  private static final Cel CEL = CelFactory.standardCelBuilder()
      .setOptions(OPTIONS)
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("self", SimpleType.DYN)
      .addVar("oldSelf", SimpleType.DYN)
      .addCompilerLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.math(OPTIONS),
          CelExtensions.encoders(OPTIONS), CelExtensions.bindings())
      .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.math(OPTIONS),
          CelExtensions.encoders(OPTIONS))
      .build();
  private static final Pattern OLD_SELF = Pattern.compile("\\boldSelf\\b");
  private static final Pattern FIELD_PATH_SEGMENT = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_-]*)|\\['([^']*)'\\]");

  // Rules and message expressions by their text: every one sees the same two variables.
  private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

  /** Where a schema has a rule or message expression that does not compile, and why; empty when all do. */
  List<FieldError> compileErrors(StructuralSchema schema, String at) {
    var errors = new ArrayList<FieldError>();
    var rules = schema.validations();
    for (int i = 0; i < rules.size(); i++) {
      for (String expression : List.of("rule", "messageExpression")) {
        JsonNode text = rules.get(i).path(expression);
        if (text.isTextual()) {
          try {
            program(text.asText());
          } catch (CelValidationException e) {
            errors.add(new FieldError(Type.INVALID, at + ".x-kubernetes-validations[" + i + "]." + expression,
                text.asText(), "compilation failed: " + e.getMessage(), FieldPath.ROOT));
          }
        }
      }
    }
    schema.properties().forEach((name, property) -> errors.addAll(compileErrors(property, at + ".properties[" + name + "]")));
    schema.additionalProperties().ifPresent(values -> errors.addAll(compileErrors(values, at + ".additionalProperties")));
    schema.items().ifPresent(items -> errors.addAll(compileErrors(items, at + ".items")));
    return errors;
  }

  /** The failed rules of an object, oldObject being missing on a create. */
  List<FieldError> evaluate(JsonNode object, JsonNode oldObject, StructuralSchema root) {
    var errors = new ArrayList<FieldError>();
    evaluate(object, oldObject, root, FieldPath.ROOT, true, errors);
    return errors;
  }

  private void evaluate(JsonNode value, JsonNode old, StructuralSchema schema, FieldPath path, boolean kubernetesObject,
      List<FieldError> errors) {
    if (value.isNull()) {
      return;
    }
    if (!schema.validations().isEmpty()) {
      var variables = new HashMap<String, Object>();
      variables.put("self", CelValues.of(value, Optional.of(schema), kubernetesObject));
      if (!old.isMissingNode()) {
        variables.put("oldSelf", CelValues.of(old, Optional.of(schema), kubernetesObject));
      }
      schema.validations().forEach(rule -> check(rule, variables, schema, path, errors));
    }
    if (value.isObject()) {
      var properties = schema.properties();
      value.properties().forEach(field -> {
        if (properties.containsKey(field.getKey())) {
          var property = properties.get(field.getKey());
          evaluate(field.getValue(), old.path(field.getKey()), property, path.child(field.getKey()), property.embeddedResource(), errors);
        } else {
          schema.additionalProperties().ifPresent(values -> evaluate(field.getValue(), old.path(field.getKey()), values,
              path.key(field.getKey()), values.embeddedResource(), errors));
        }
      });
    } else if (value.isArray()) {
      // Items of a list are not correlated with the old list's, so transition rules do not run on them.
      schema.items().ifPresent(items -> {
        for (int i = 0; i < value.size(); i++) {
          evaluate(value.get(i), MissingNode.getInstance(), items, path.index(i),
              items.embeddedResource(), errors);
        }
      });
    }
  }

  private void check(JsonNode rule, Map<String, Object> variables, StructuralSchema schema, FieldPath path,
      List<FieldError> errors) {
    String text = rule.path("rule").asText();
    boolean transition = OLD_SELF.matcher(text).find();
    if (transition && !variables.containsKey("oldSelf")) {
      return;
    }
    // A transition rule compares with the old value by design: leaving the value as it was keeps no error.
    FieldPath ratchetPath = transition ? null : path;
    String type = schema.intOrString() ? "string" : schema.type();
    FieldPath at = path;
    try {
      Object result = program(text).eval(variables);
      if (Boolean.TRUE.equals(result)) {
        return;
      }
      at = withFieldPath(path, rule.path("fieldPath").asText(""));
      errors.add(failure(rule, at, type, message(rule, variables), ratchetPath));
    } catch (CelValidationException | CelEvaluationException e) {
      errors.add(new FieldError(Type.INVALID, at.toString(), type, e.getMessage() + " evaluating rule: " + ruleText(rule), ratchetPath));
    }
  }

  private String message(JsonNode rule, Map<String, Object> variables) {
    if (rule.path("messageExpression").isTextual()) {
      try {
        if (program(rule.get("messageExpression").asText()).eval(variables) instanceof String message && !message.isBlank()) {
          return message.strip();
        }
      } catch (CelValidationException | CelEvaluationException e) {
        // As the API server does, fall back to the rule's message.
      }
    }
    return rule.path("message").asText("").isBlank() ? "failed rule: " + ruleText(rule) : rule.get("message").asText().strip();
  }

  private static String ruleText(JsonNode rule) {
    return rule.path("message").asText("").isBlank() ? rule.path("rule").asText().strip() : rule.get("message").asText().strip();
  }

  private static FieldError failure(JsonNode rule, FieldPath at, String type, String message, FieldPath ratchetPath) {
    Type errorType = Type.ofReason(rule.path("reason").asText("FieldValueInvalid"));
    Object value = errorType == Type.REQUIRED || errorType == Type.FORBIDDEN ? null : type;
    String detail = errorType == Type.DUPLICATE ? null : message;
    return new FieldError(errorType, at.toString(), value, detail, ratchetPath);
  }

  /** A rule's fieldPath, such as {@code .spec.replicas} or {@code ['a.b']}, below the rule's own path. */
  private static FieldPath withFieldPath(FieldPath path, String fieldPath) {
    var at = path;
    var segment = FIELD_PATH_SEGMENT.matcher(fieldPath);
    while (segment.find()) {
      at = at.child(segment.group(1) != null ? segment.group(1) : segment.group(2));
    }
    return at;
  }

  private CelRuntime.Program program(String expression) throws CelValidationException {
    var program = programs.get(expression);
    if (program == null) {
      try {
        program = CEL.createProgram(CEL.compile(expression).getAst());
      } catch (CelEvaluationException e) {
        throw new IllegalStateException("CEL cannot plan the compiled expression " + expression, e);
      }
      programs.put(expression, program);
    }
    return program;
  }
}

package dev.progressive.operator.dev;

import java.util.List;
import java.util.Map;

/**
 * One reason an API server refuses an object, worded as Kubernetes words it (apimachinery's field.Error):
 * {@code spec.agentType: Unsupported value: "xyz": supported values: "bma", "custom"}.
 *
 * @param field the field path as the API server prints it, {@code <nil>} for the object itself
 * @param value the offending value, printed as Go prints it; null for errors that show none
 * @param ratchetPath where the value lies whose schema made the error: an update that leaves it as it was
 *     keeps an error it already had (CRD validation ratcheting); null for an error that never ratchets
 */
record FieldError(Type type, String field, Object value, String detail, FieldPath ratchetPath) {

  enum Type {
    REQUIRED("FieldValueRequired", "Required value"),
    INVALID("FieldValueInvalid", "Invalid value"),
    TYPE_INVALID("FieldValueTypeInvalid", "Invalid value"),
    NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
    TOO_LONG("FieldValueTooLong", "Too long"),
    TOO_MANY("FieldValueTooMany", "Too many"),
    DUPLICATE("FieldValueDuplicate", "Duplicate value"),
    FORBIDDEN("FieldValueForbidden", "Forbidden");

    final String reason;
    final String words;

    Type(String reason, String words) {
      this.reason = reason;
      this.words = words;
    }

    static Type ofReason(String reason) {
      for (Type type : values()) {
        if (type.reason.equals(reason)) {
          return type;
        }
      }
      return INVALID;
    }
  }

  /** The message of the error without its field, as a Status cause carries it. */
  String body() {
    boolean showsValue = type != Type.REQUIRED && type != Type.FORBIDDEN && type != Type.TOO_LONG;
    String text = showsValue ? type.words + ": " + goValue(value) : type.words;
    return detail == null || detail.isEmpty() ? text : text + ": " + detail;
  }

  @Override
  public String toString() {
    return field + ": " + body();
  }

  /** Go's %v for numbers and booleans, %q for strings. */
  static String goValue(Object value) {
    return switch (value) {
      case null -> "\"null\"";
      case String text -> quote(text);
      case Double number -> goNumber(number);
      case Map<?, ?> map -> "map[string]interface {}" + map;
      case List<?> list -> "[]interface {}" + list;
      default -> String.valueOf(value);
    };
  }

  static String goNumber(double number) {
    if (number == Math.rint(number) && Math.abs(number) < 1e21) {
      return Long.toString((long) number);
    }
    return Double.toString(number);
  }

  static String quote(String text) {
    var quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}

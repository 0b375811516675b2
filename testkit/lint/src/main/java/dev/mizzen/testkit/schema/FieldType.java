package dev.mizzen.testkit.schema;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The JSON type of a model field, derived from the field's generic Java type: the scalar kinds
 * client-java uses, lists and maps of them, and nested models.
 */
final class FieldType {
  enum Kind { STRING, INTEGER, LONG, NUMBER, BOOLEAN, INT_OR_STRING, QUANTITY, DATE_TIME, BYTES, ANY, LIST, MAP, MODEL }

  static final FieldType STRING = new FieldType(Kind.STRING, null, null);
  static final FieldType INTEGER = new FieldType(Kind.INTEGER, null, null);
  static final FieldType LONG = new FieldType(Kind.LONG, null, null);
  static final FieldType NUMBER = new FieldType(Kind.NUMBER, null, null);
  static final FieldType BOOLEAN = new FieldType(Kind.BOOLEAN, null, null);
  static final FieldType INT_OR_STRING = new FieldType(Kind.INT_OR_STRING, null, null);
  static final FieldType QUANTITY = new FieldType(Kind.QUANTITY, null, null);
  static final FieldType DATE_TIME = new FieldType(Kind.DATE_TIME, null, null);
  static final FieldType BYTES = new FieldType(Kind.BYTES, null, null);
  static final FieldType ANY = new FieldType(Kind.ANY, null, null);

  final Kind kind;
  /** The element type of a list, or the value type of a map. */
  final FieldType element;
  /** The model class of a nested model. */
  final Class<?> model;

  private FieldType(Kind kind, FieldType element, Class<?> model) {
    this.kind = kind;
    this.element = element;
    this.model = model;
  }

  static FieldType model(Class<?> model) {
    return new FieldType(Kind.MODEL, null, model);
  }

  static FieldType of(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      Type raw = parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (raw == List.class) {
        return new FieldType(Kind.LIST, of(arguments[0]), null);
      }
      if (raw == Map.class) {
        return new FieldType(Kind.MAP, of(arguments[1]), null);
      }
      return ANY;
    }
    if (!(type instanceof Class<?> type1)) {
      return ANY;
    }
    if (type1 == String.class) {
      return STRING;
    }
    if (type1 == Integer.class || type1 == int.class) {
      return INTEGER;
    }
    if (type1 == Long.class || type1 == long.class) {
      return LONG;
    }
    if (type1 == Double.class || type1 == Float.class || type1 == double.class || type1 == float.class) {
      return NUMBER;
    }
    if (type1 == Boolean.class || type1 == boolean.class) {
      return BOOLEAN;
    }
    if (type1 == IntOrString.class) {
      return INT_OR_STRING;
    }
    if (type1 == Quantity.class) {
      return QUANTITY;
    }
    if (type1 == OffsetDateTime.class) {
      return DATE_TIME;
    }
    if (type1 == byte[].class) {
      return BYTES;
    }
    if (type1 == Object.class || type1.isPrimitive() || type1.isArray() || type1.getName().startsWith("java.")) {
      return ANY;
    }
    return model(type1);
  }

  /** The schema of a nested model. */
  ModelSchema schema() {
    return ModelSchema.of(model);
  }

  /** What a value of this type looks like, for messages: {@code an integer}, {@code a list}. */
  String expected() {
    return switch (kind) {
      case STRING -> "a string";
      case INTEGER -> "an integer";
      case LONG -> "an integer";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean (true or false)";
      case INT_OR_STRING -> "an integer or a string";
      case QUANTITY -> "a quantity (a string such as \"500m\" or \"1Gi\", or a number)";
      case DATE_TIME -> "a date-time string (RFC 3339)";
      case BYTES -> "a base64 string";
      case ANY -> "any value";
      case LIST -> "a list";
      case MAP -> "a map";
      case MODEL -> "a map (" + ModelSchema.typeName(model) + ")";
    };
  }

  /**
   * What a read value is, for messages: {@code the string "80"}, {@code the integer 80},
   * {@code a map}. With {@code showValue} false, scalars are named without their value.
   */
  static String describe(Object value, boolean showValue) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String text) {
      return showValue ? "the string " + quote(text) : "a string";
    }
    if (value instanceof Boolean) {
      return showValue ? "the boolean " + value : "a boolean";
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return showValue ? "the integer " + value : "an integer";
    }
    if (value instanceof Number) {
      return showValue ? "the number " + value : "a number";
    }
    if (value instanceof Map) {
      return "a map";
    }
    if (value instanceof List) {
      return "a list";
    }
    return "a " + value.getClass().getSimpleName();
  }

  /** {@code text} in double quotes, shortened to 60 characters, with control characters escaped. */
  static String quote(String text) {
    String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
    StringBuilder out = new StringBuilder(shown.length() + 2).append('"');
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }
}

package dev.mizzen.testkit.schema;

import dev.mizzen.quantity.Quantities;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a tree read from a manifest into a client-java model object using the same
 * {@link ModelSchema} as the check, without client-java's {@code JSON} (whose first use
 * registers every model class). Unknown fields and values of the wrong type are left out.
 */
final class ModelBinder {
  private ModelBinder() {}

  static Object bind(ModelSchema schema, Map<?, ?> tree) {
    Object model = schema.newInstance();
    for (Map.Entry<?, ?> entry : tree.entrySet()) {
      ModelSchema.Property property = schema.property(String.valueOf(entry.getKey()));
      if (property != null && entry.getValue() != null) {
        Object value = value(property.type(), entry.getValue());
        if (value != null) {
          property.set(model, value);
        }
      }
    }
    return model;
  }

  static void setApiVersionAndKind(Object model, String apiVersion, String kind) {
    ModelSchema schema = ModelSchema.of(model.getClass());
    ModelSchema.Property apiVersionProperty = schema.property("apiVersion");
    ModelSchema.Property kindProperty = schema.property("kind");
    if (apiVersionProperty != null && kindProperty != null) {
      apiVersionProperty.set(model, apiVersion);
      kindProperty.set(model, kind);
    }
  }

  /** The typed value of {@code value} for {@code type}, or null when it does not fit. */
  private static Object value(FieldType type, Object value) {
    switch (type.kind) {
      case STRING:
        return value instanceof String ? value : null;
      case INTEGER:
        return isIntegral(value) && fitsInt(value) ? ((Number) value).intValue() : null;
      case LONG:
        return isIntegral(value) && !(value instanceof BigInteger big && big.bitLength() > 63)
            ? ((Number) value).longValue()
            : null;
      case NUMBER:
        return value instanceof Number number ? number.doubleValue() : null;
      case BOOLEAN:
        return value instanceof Boolean ? value : null;
      case INT_OR_STRING:
        if (value instanceof String text) {
          return new IntOrString(text);
        }
        return isIntegral(value) && fitsInt(value) ? new IntOrString(((Number) value).intValue()) : null;
      case QUANTITY:
        return quantity(value);
      case DATE_TIME:
        try {
          return value instanceof String text ? OffsetDateTime.parse(text) : null;
        } catch (DateTimeParseException e) {
          return null;
        }
      case BYTES:
        return value instanceof String text ? bytes(text) : null;
      case ANY:
        return plain(value);
      case LIST:
        if (!(value instanceof List<?> list)) {
          return null;
        }
        List<Object> elements = new ArrayList<>(list.size());
        for (Object element : list) {
          Object converted = element == null ? null : value(type.element, element);
          if (converted != null) {
            elements.add(converted);
          }
        }
        return elements;
      case MAP:
        if (!(value instanceof Map<?, ?> map)) {
          return null;
        }
        Map<String, Object> entries = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          Object converted = entry.getValue() == null ? null : value(type.element, entry.getValue());
          if (converted != null) {
            entries.put(String.valueOf(entry.getKey()), converted);
          }
        }
        return entries;
      case MODEL:
        return value instanceof Map<?, ?> map ? bind(type.schema(), map) : null;
      default:
        return null;
    }
  }

  private static boolean isIntegral(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
  }

  private static boolean fitsInt(Object value) {
    return value instanceof Integer
        || (value instanceof Long number && number == number.intValue());
  }

  private static Quantity quantity(Object value) {
    String text;
    if (value instanceof String string) {
      text = string;
    } else if (value instanceof Number) {
      text = value.toString();
    } else {
      return null;
    }
    return Quantities.read(text).map(Quantities::toQuantity).orElse(null);
  }

  private static byte[] bytes(String text) {
    String compact = text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
        ? text.replace("\n", "").replace("\r", "")
        : text;
    try {
      return Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A copy of a free-form value as plain maps and lists. */
  private static Object plain(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
      map.forEach((key, child) -> copy.put(String.valueOf(key), plain(child)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(child -> copy.add(plain(child)));
      return copy;
    }
    return value;
  }
}

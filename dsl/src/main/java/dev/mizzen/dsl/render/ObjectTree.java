package dev.mizzen.dsl.render;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import dev.mizzen.validation.internal.ModelAccess;
import dev.mizzen.validation.internal.ModelFieldNames;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a client-java model object into a plain ordered tree of {@link LinkedHashMap},
 * {@link ArrayList}, {@link String}, {@link Number} and {@link Boolean}, as the API would
 * serialise it: JSON names from {@code @SerializedName}, no nulls, no empty lists or maps.
 *
 * <p>Key order is conventional and stable: {@code apiVersion}, {@code kind}, {@code metadata},
 * {@code spec} first at the top; {@code name}, then {@code namespace} or {@code image} first in nested
 * objects (a container reads {@code name}, {@code image}, as people write it); then the model's own
 * field order. Empty model objects stay (as {@code {}}), because some carry meaning
 * ({@code emptyDir: {}}).
 *
 * <p>A {@code DynamicKubernetesObject} (a kind without a client-java model) is walked through its
 * JSON, ordered the same way.
 *
 * <p>Walking by reflection over cached field tables keeps the first render cheap: only the
 * classes actually used are inspected, unlike client-java's {@code JSON}, whose static
 * initialiser registers every model class; the JSON names come from {@link ModelFieldNames},
 * which reads no annotation of a model, and a model's fields are read through its generated
 * {@link ModelAccess}, which builds no reflective accessor.
 */
public final class ObjectTree {
  private static final Map<Class<?>, Property[]> PROPERTIES = new ConcurrentHashMap<>();
  private static final List<String> TOP_ORDER = List.of("apiVersion", "kind", "metadata", "spec");
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  /** The fields that come first in a nested object, in this order, when it has them. */
  private static final List<String> IDENTITY_ORDER = List.of("name", "namespace", "image");

  private ObjectTree() {}

  /** The tree of a top-level Kubernetes object ({@code apiVersion}, {@code kind}, ... first). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> of(Object model) {
    Object tree = value(model, true);
    if (!(tree instanceof Map)) {
      throw new IllegalArgumentException("not a Kubernetes model object: " + model.getClass().getName());
    }
    return (Map<String, Object>) tree;
  }

  private static Object value(Object value, boolean top) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Number) {
      return value;
    }
    if (value instanceof Quantity quantity) {
      return quantity.toSuffixedString();
    }
    if (value instanceof IntOrString intOrString) {
      return intOrString.isInteger() ? intOrString.getIntValue() : intOrString.getStrValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> tree = new LinkedHashMap<>(Math.max(4, map.size() * 2));
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object child = value(entry.getValue(), false);
        if (keep(child)) {
          tree.put(String.valueOf(entry.getKey()), child);
        }
      }
      return tree;
    }
    if (value instanceof Collection<?> collection) {
      List<Object> tree = new ArrayList<>(collection.size());
      for (Object element : collection) {
        Object child = value(element, false);
        if (child != null) {
          tree.add(child);
        }
      }
      return tree;
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof OffsetDateTime time) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
    if (value instanceof Enum<?> constant) {
      return enumName(constant);
    }
    if (value instanceof DynamicKubernetesObject dynamic) {
      return json(dynamic.getRaw(), top);
    }
    if (value instanceof JsonElement json) {
      return json(json, top);
    }
    return model(value, top);
  }

  /**
   * The tree of a JSON value (a {@link DynamicKubernetesObject}'s, for a kind client-java has no
   * model of), ordered as a model's: conventional keys first, then the JSON's own order. Nulls and
   * empty arrays are dropped; empty objects stay, since the JSON cannot say whether one carries
   * meaning ({@code emptyDir: {}}).
   */
  private static Object json(JsonElement json, boolean top) {
    if (json.isJsonNull()) {
      return null;
    }
    if (json.isJsonPrimitive()) {
      JsonPrimitive primitive = json.getAsJsonPrimitive();
      if (primitive.isBoolean()) {
        return primitive.getAsBoolean();
      }
      if (primitive.isNumber()) {
        BigDecimal number = primitive.getAsBigDecimal();
        return number.scale() <= 0 && number.abs().compareTo(LONG_MAX) <= 0 ? (Object) number.longValueExact() : number;
      }
      return primitive.getAsString();
    }
    if (json.isJsonArray()) {
      List<Object> tree = new ArrayList<>();
      for (JsonElement element : json.getAsJsonArray()) {
        Object child = json(element, false);
        if (child != null) {
          tree.add(child);
        }
      }
      return tree;
    }
    JsonObject object = json.getAsJsonObject();
    Map<String, Object> tree = new ModelMap();
    for (String key : top ? TOP_ORDER : IDENTITY_ORDER) {
      tree.put(key, null);
    }
    for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
      Object child = json(entry.getValue(), false);
      if (keep(child)) {
        tree.put(entry.getKey(), child);
      }
    }
    tree.values().removeIf(java.util.Objects::isNull);
    return tree;
  }

  private static Map<String, Object> model(Object model, boolean top) {
    Property[] properties = PROPERTIES.computeIfAbsent(model.getClass(), ObjectTree::properties);
    Map<String, Object> tree = new ModelMap();
    if (top) {
      // Reserve the conventional top-level order; absent ones are removed below.
      for (String key : TOP_ORDER) {
        tree.put(key, null);
      }
    }
    for (Property property : properties) {
      Object child = value(property.get(model), false);
      if (keep(child)) {
        tree.put(property.name, child);
      }
    }
    if (top) {
      tree.values().removeIf(java.util.Objects::isNull);
    }
    return tree;
  }

  private static boolean keep(Object child) {
    if (child == null) {
      return false;
    }
    if (child instanceof Collection<?> collection) {
      return !collection.isEmpty();
    }
    if (child instanceof Map<?, ?> map && map.isEmpty()) {
      // An empty map from a Map-typed field is dropped; an empty model object is kept.
      return child instanceof ModelMap;
    }
    return true;
  }

  private static Property[] properties(Class<?> type) {
    ModelAccess access = ModelAccess.of(type);
    List<Property> properties = new ArrayList<>();
    Property[] identity = new Property[IDENTITY_ORDER.size()];
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
          continue;
        }
        String name = ModelFieldNames.jsonName(field);
        if (name == null) {
          continue;
        }
        if (access == null) {
          field.setAccessible(true);
        }
        Property property = new Property(name, field, access, access == null ? -1 : access.indexOf(name));
        int first = IDENTITY_ORDER.indexOf(property.name);
        if (first >= 0) {
          identity[first] = property;
        } else {
          properties.add(property);
        }
      }
    }
    // Identity first, as people write it: name, then namespace (metadata) or image (a container).
    for (int i = identity.length - 1; i >= 0; i--) {
      if (identity[i] != null) {
        properties.add(0, identity[i]);
      }
    }
    return properties.toArray(new Property[0]);
  }

  /** The JSON names of a class's properties, in the tree's order. */
  static List<String> propertyNames(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (Property property : PROPERTIES.computeIfAbsent(type, ObjectTree::properties)) {
      names.add(property.name);
    }
    return names;
  }

  private static String enumName(Enum<?> constant) {
    try {
      SerializedName serialized =
          constant.getDeclaringClass().getField(constant.name()).getAnnotation(SerializedName.class);
      return serialized != null ? serialized.value() : constant.toString();
    } catch (NoSuchFieldException e) {
      return constant.toString();
    }
  }

  /** Marker for maps that stand for model objects, which are kept even when empty. */
  private static final class ModelMap extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;
  }

  /** A serialised field: read through the generated {@code access} of a client-java model, else by reflection. */
  private record Property(String name, Field field, ModelAccess access, int index) {
    Object get(Object model) {
      if (access != null) {
        return access.get(model, index);
      }
      try {
        return field.get(model);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + field, e);
      }
    }
  }
}

package dev.mizzen.testkit.schema;

import dev.mizzen.validation.internal.ModelAccess;
import dev.mizzen.validation.internal.ModelFieldNames;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The schema of one client-java model class, derived by reflection and cached per class: its
 * JSON field names (as {@code @SerializedName} gives them, see {@link ModelFieldNames}) with their types (from the generic field
 * types), and its required fields (the generated {@code openapiRequiredFields} set, which
 * mirrors the {@code required} list of the Kubernetes OpenAPI).
 */
final class ModelSchema {
  private static final ClassValue<ModelSchema> CACHE = new ClassValue<>() {
    @Override
    protected ModelSchema computeValue(Class<?> type) {
      return new ModelSchema(type);
    }
  };
  private static final Pattern VERSION_PREFIX =
      Pattern.compile("^(?:[A-Z][a-z]+)?V[0-9]+(?:(?:alpha|beta)[0-9]+)?(?=[A-Z])");

  final Class<?> type;
  final String name;
  private final Map<String, Property> properties;
  private final List<String> orderedNames;
  private final List<String> required;
  /** Generated access for client-java's models (no reflective accessor to build); null for other classes. */
  private final ModelAccess access;
  private final Constructor<?> constructor;

  private ModelSchema(Class<?> type) {
    this.type = type;
    this.name = typeName(type);
    ModelAccess access = ModelAccess.of(type);
    Map<String, Property> byName = new LinkedHashMap<>();
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
        byName.putIfAbsent(name, new Property(name, field, FieldType.of(field.getGenericType()), access,
            access == null ? -1 : access.indexOf(name)));
      }
    }
    this.properties = new HashMap<>(byName);
    List<String> required = new ArrayList<>();
    Collection<?> declared = access != null ? access.required() : requiredFields(type);
    for (String property : byName.keySet()) {
      if (declared.contains(property)) {
        required.add(property);
      }
    }
    this.required = List.copyOf(required);
    this.access = access;
    this.constructor = access == null ? constructor(type) : null;
    this.orderedNames = List.copyOf(byName.keySet());
  }

  static ModelSchema of(Class<?> type) {
    return CACHE.get(type);
  }

  /** {@code Container} for {@code V1Container}, {@code Subject} for {@code RbacV1Subject}. */
  static String typeName(Class<?> type) {
    return VERSION_PREFIX.matcher(type.getSimpleName()).replaceFirst("");
  }

  /** The property with JSON name {@code name}, or null. */
  Property property(String name) {
    return properties.get(name);
  }

  /** The JSON field names, in the model's declaration order. */
  List<String> names() {
    return orderedNames;
  }

  /** The required JSON field names, in declaration order. */
  List<String> required() {
    return required;
  }

  /** A new, empty instance of the model. */
  Object newInstance() {
    if (access != null) {
      return access.newInstance();
    }
    try {
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + type.getName(), e);
    }
  }

  /**
   * The {@code public static HashSet<String> openapiRequiredFields} of a class that looks like a
   * client-java model but is not one of those {@link ModelAccess} knows.
   */
  private static Collection<?> requiredFields(Class<?> type) {
    try {
      MethodHandle getter = MethodHandles.publicLookup().findStaticGetter(type, "openapiRequiredFields", HashSet.class);
      HashSet<?> names = (HashSet<?>) getter.invokeExact();
      return names == null ? List.of() : names;
    } catch (NoSuchFieldException | IllegalAccessException e) {
      return List.of(); // not a generated model, or one without required fields
    } catch (Throwable e) {
      throw new IllegalStateException("cannot read " + type.getName() + ".openapiRequiredFields", e);
    }
  }

  private static Constructor<?> constructor(Class<?> type) {
    try {
      Constructor<?> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** One JSON field of a model; {@code index} is its number in {@code access}, when there is one. */
  record Property(String name, Field field, FieldType type, ModelAccess access, int index) {
    void set(Object model, Object value) {
      if (access != null) {
        access.set(model, index, value);
        return;
      }
      try {
        field.set(model, value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot set " + field, e);
      }
    }
  }
}

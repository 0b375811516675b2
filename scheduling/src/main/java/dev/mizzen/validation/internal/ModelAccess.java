package dev.mizzen.validation.internal;

import java.util.Arrays;
import java.util.List;

/**
 * Reads, writes and creates one client-java model class through its getters, setters and
 * constructor, with no reflection: the calls are generated ({@code GeneratedModelIndex},
 * {@code GeneratedModels0..N}, from {@code ModelAccessGenerator} in this module's tests).
 * Reflective field access builds a method-handle accessor per field on first use, which was the
 * largest part of a cold {@code mizzen render} after the JVM's own start (docs/benchmarks.md).
 *
 * <p>Properties are numbered in the model's declaration order and named by their JSON names
 * ({@link ModelFieldNames}).
 */
public final class ModelAccess {
  private static final ClassValue<ModelAccess> OF = new ClassValue<>() {
    @Override
    protected ModelAccess computeValue(Class<?> type) {
      int model = Arrays.binarySearch(GeneratedModelIndex.CLASSES, type.getName());
      return model < 0 ? null : new ModelAccess(type, model);
    }
  };

  private final Class<?> type;
  private final int model;
  private final List<String> names;

  private ModelAccess(Class<?> type, int model) {
    this.type = type;
    this.model = model;
    this.names = List.of(GeneratedModelIndex.names(model));
  }

  /** The access to {@code type}, or null when it is not a model class of client-java's models package. */
  public static ModelAccess of(Class<?> type) {
    return OF.get(type);
  }

  /** The model class. */
  public Class<?> type() {
    return type;
  }

  /** The JSON names of its properties, in declaration order: property {@code i} is {@code names().get(i)}. */
  public List<String> names() {
    return names;
  }

  /**
   * The JSON names of its required properties, in declaration order: client-java's
   * {@code openapiRequiredFields}, which mirror the Kubernetes OpenAPI's {@code required} lists.
   */
  public List<String> required() {
    return List.of(GeneratedModelIndex.required(model));
  }

  /** The number of the property with JSON name {@code name}, or -1. */
  public int indexOf(String name) {
    return names.indexOf(name);
  }

  /** Property {@code property} of {@code target}, an instance of {@link #type()}. */
  public Object get(Object target, int property) {
    return GeneratedModelIndex.get(model, property, target);
  }

  /**
   * Sets property {@code property} of {@code target} to {@code value}, which must be of the
   * property's type ({@code List<V1Container>} for {@code containers}).
   *
   * @throws ClassCastException if it is not
   */
  public void set(Object target, int property, Object value) {
    GeneratedModelIndex.set(model, property, target, value);
  }

  /** A new, empty instance of the model. */
  public Object newInstance() {
    return GeneratedModelIndex.newInstance(model);
  }
}

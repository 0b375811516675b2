package dev.mizzen.scheduling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Copies into client-java models. Their constructors start every list and map field as an empty
 * collection, which JSON output then shows as {@code []} or {@code {}}; Mizzen leaves unused
 * fields {@code null} instead, so these return {@code null} for nothing.
 */
final class Models {
  private Models() {}

  /** A mutable copy of {@code values}, or {@code null} when empty. */
  static <T> List<T> list(List<T> values) {
    return values.isEmpty() ? null : new ArrayList<>(values);
  }

  /** Each of {@code values} rendered, in order, or {@code null} when empty. */
  static <T, R> List<R> list(List<T> values, Function<? super T, R> render) {
    if (values.isEmpty()) {
      return null;
    }
    List<R> rendered = new ArrayList<>(values.size());
    values.forEach(value -> rendered.add(render.apply(value)));
    return rendered;
  }

  /** A mutable, insertion-ordered copy of {@code values}, or {@code null} when empty. */
  static <K, V> Map<K, V> map(Map<K, V> values) {
    return values.isEmpty() ? null : new LinkedHashMap<>(values);
  }
}

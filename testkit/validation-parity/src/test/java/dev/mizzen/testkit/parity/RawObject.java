package dev.mizzen.testkit.parity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rendered object as a plain tree ({@code Map}, {@code List}, scalars), changed by hand the
 * way a user would edit a manifest: what the API server receives when the DSL refuses a spec.
 */
final class RawObject {
  private final Kind kind;
  private final Map<String, Object> tree;

  RawObject(Kind kind, Map<String, Object> tree) {
    this.kind = kind;
    this.tree = tree;
  }

  Kind kind() {
    return kind;
  }

  Map<String, Object> tree() {
    return tree;
  }

  /** {@code metadata}, created when missing. */
  Map<String, Object> metadata() {
    return map(tree, "metadata");
  }

  /** {@code spec}, created when missing. */
  Map<String, Object> spec() {
    return map(tree, "spec");
  }

  /** The pod template ({@code metadata}, {@code spec}) of a workload. */
  Map<String, Object> podTemplate() {
    Map<String, Object> at = tree;
    for (String key : kind.podTemplatePath()) {
      at = map(at, key);
    }
    return at;
  }

  /** The pod spec of a workload. */
  Map<String, Object> podSpec() {
    return map(podTemplate(), "spec");
  }

  /** The first app container ({@code app}) of a workload. */
  Map<String, Object> app() {
    return element(list(podSpec(), "containers"), 0);
  }

  /** The map at {@code key} of {@code parent}, created when missing. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
  }

  /** The list at {@code key} of {@code parent}, created when missing. */
  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> parent, String key) {
    return (List<Object>) parent.computeIfAbsent(key, k -> new ArrayList<>());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> element(List<Object> list, int index) {
    return (Map<String, Object>) list.get(index);
  }

  /** A map of alternating keys and values, in order. */
  static Map<String, Object> of(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A deep copy of a plain tree. */
  @SuppressWarnings("unchecked")
  static Object copy(Object tree) {
    if (tree instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, copy(v)));
      return copy;
    }
    if (tree instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(copy(v)));
      return copy;
    }
    return tree;
  }
}

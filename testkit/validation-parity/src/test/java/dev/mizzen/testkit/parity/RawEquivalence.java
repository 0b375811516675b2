package dev.mizzen.testkit.parity;

import dev.mizzen.dsl.render.Manifests;
import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks the catalogue: when the DSL accepts a spec, the hand-made object must be the object the
 * DSL built (numbers compared by value, maps regardless of order, quantities by value). Otherwise what the server is
 * sent for a refused spec would not be the spec the DSL refused.
 */
final class RawEquivalence {
  private RawEquivalence() {}

  static Optional<String> difference(Spec spec, DslVerdict dsl) {
    Object built = normalize(Manifests.tree(dsl.built().orElseThrow().render()));
    Object raw = normalize(spec.raw().tree());
    return firstDifference("", built, raw);
  }

  private static Optional<String> firstDifference(String path, Object built, Object raw) {
    if (built instanceof Map<?, ?> a && raw instanceof Map<?, ?> b) {
      for (Object key : new java.util.TreeSet<Object>(union(a.keySet(), b.keySet()))) {
        Optional<String> d = firstDifference(path + "." + key, a.get(key), b.get(key));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (built instanceof List<?> a && raw instanceof List<?> b && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        Optional<String> d = firstDifference(path + "[" + i + "]", a.get(i), b.get(i));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    return Objects.equals(built, raw) ? Optional.empty()
        : Optional.of(path + ": DSL " + abbreviate(built) + ", by hand " + abbreviate(raw));
  }

  private static List<Object> union(java.util.Set<?> a, java.util.Set<?> b) {
    List<Object> keys = new ArrayList<>(a);
    b.stream().filter(k -> !a.contains(k)).forEach(keys::add);
    return keys;
  }

  private static Object normalize(Object tree) {
    if (tree instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> {
        Object value = normalize(v);
        if (("requests".equals(k) || "limits".equals(k)) && value instanceof Map<?, ?> quantities) {
          value = canonicalQuantities(quantities);
        }
        sorted.put(String.valueOf(k), value);
      });
      return sorted;
    }
    if (tree instanceof List<?> list) {
      return list.stream().map(RawEquivalence::normalize).toList();
    }
    if (tree instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros();
    }
    return tree;
  }

  /** Quantities by value ({@code 0.5} is {@code 500m}). */
  private static Map<String, Object> canonicalQuantities(Map<?, ?> quantities) {
    Map<String, Object> canonical = new TreeMap<>();
    quantities.forEach((k, v) -> {
      try {
        canonical.put(String.valueOf(k), Quantity.fromString(String.valueOf(v).strip()).getNumber().stripTrailingZeros().toPlainString());
      } catch (RuntimeException unparsable) {
        canonical.put(String.valueOf(k), v);
      }
    });
    return canonical;
  }

  private static String abbreviate(Object value) {
    String s = String.valueOf(value);
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}

package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates and prints {@link V1LabelSelector}s with the API server's semantics
 * ({@code metav1.LabelSelectorAsSelector}): a null selector selects nothing, an empty one
 * everything; {@code NotIn} and {@code DoesNotExist} hold when the label is absent.
 */
final class LabelSelectors {
  private LabelSelectors() {}

  /** Whether {@code selector} selects an object carrying {@code labels}. */
  static boolean matches(V1LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    if (selector.getMatchLabels() != null && !isSubset(selector.getMatchLabels(), labels)) {
      return false;
    }
    if (selector.getMatchExpressions() != null) {
      for (V1LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
        if (!matches(requirement, labels)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether every entry of {@code selector} is among {@code labels}; a Service's (map) selector. */
  static boolean isSubset(Map<String, String> selector, Map<String, String> labels) {
    for (Map.Entry<String, String> entry : selector.entrySet()) {
      if (!entry.getValue().equals(labels.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code selector} is present and has neither labels nor expressions (selects everything). */
  static boolean isEverything(V1LabelSelector selector) {
    return selector != null
        && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
        && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
  }

  /** Every label key {@code selector} looks at. */
  static List<String> keys(V1LabelSelector selector) {
    List<String> keys = new ArrayList<>();
    if (selector != null && selector.getMatchLabels() != null) {
      keys.addAll(selector.getMatchLabels().keySet());
    }
    if (selector != null && selector.getMatchExpressions() != null) {
      selector.getMatchExpressions().forEach(r -> keys.add(r.getKey()));
    }
    return keys;
  }

  private static boolean matches(V1LabelSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    return switch (String.valueOf(requirement.getOperator())) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> false;
    };
  }

  /** {@code {a=b, c In [d, e]}}; {@code (none)} for a null selector, {@code {}} for everything. */
  static String describe(V1LabelSelector selector) {
    if (selector == null) {
      return "(none)";
    }
    List<String> parts = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      new TreeMap<>(selector.getMatchLabels()).forEach((k, v) -> parts.add(k + "=" + v));
    }
    if (selector.getMatchExpressions() != null) {
      for (V1LabelSelectorRequirement r : selector.getMatchExpressions()) {
        boolean hasValues = r.getValues() != null && !r.getValues().isEmpty();
        parts.add(r.getKey() + " " + r.getOperator() + (hasValues ? " " + r.getValues() : ""));
      }
    }
    return "{" + String.join(", ", parts) + "}";
  }

  /** {@code {a=b, c=d}} in key order, for label maps. */
  static String describe(Map<String, String> labels) {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(labels).forEach((k, v) -> parts.add(k + "=" + v));
    return "{" + String.join(", ", parts) + "}";
  }
}

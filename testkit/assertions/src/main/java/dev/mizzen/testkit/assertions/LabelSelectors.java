package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints {@link V1LabelSelector}s and labels for failure messages. Whether a selector selects
 * some labels is {@link dev.mizzen.scheduling.LabelSelector#matches}'s to say.
 */
final class LabelSelectors {
  private LabelSelectors() {}

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

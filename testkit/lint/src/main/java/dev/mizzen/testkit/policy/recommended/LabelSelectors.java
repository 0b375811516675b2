package dev.mizzen.testkit.policy.recommended;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Matching label selectors against labels, as the API server does, without regular expressions. */
final class LabelSelectors {
  private LabelSelectors() {}

  /** Whether {@code selector} selects {@code labels}: null selects nothing, empty selects everything. */
  static boolean matches(V1LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    Map<String, String> matchLabels = selector.getMatchLabels();
    if (matchLabels != null && !matchesAll(matchLabels, labels)) {
      return false;
    }
    List<V1LabelSelectorRequirement> expressions = selector.getMatchExpressions();
    if (expressions != null) {
      for (V1LabelSelectorRequirement requirement : expressions) {
        if (!matches(requirement, labels)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether every entry of {@code selector} (a Service or ReplicationController selector) is in {@code labels}. */
  static boolean matchesAll(Map<String, String> selector, Map<String, String> labels) {
    for (Map.Entry<String, String> entry : selector.entrySet()) {
      String value = labels.get(entry.getKey());
      if (value == null || !value.equals(entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** Whether a selector has no requirement at all (and so selects everything). */
  static boolean isEmpty(V1LabelSelector selector) {
    return selector != null && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
        && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
  }

  private static boolean matches(V1LabelSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    List<String> values = requirement.getValues();
    String operator = requirement.getOperator() == null ? "" : requirement.getOperator();
    switch (operator) {
      case "In":
        return value != null && values != null && values.contains(value);
      case "NotIn":
        return value == null || values == null || !values.contains(value);
      case "Exists":
        return value != null;
      case "DoesNotExist":
        return value == null;
      default:
        return false;
    }
  }

  /** {@code app=web, tier in (front, edge)}: a selector as people write it. */
  static String describe(V1LabelSelector selector) {
    if (selector == null) {
      return "<null>";
    }
    StringJoiner text = new StringJoiner(", ");
    if (selector.getMatchLabels() != null) {
      selector.getMatchLabels().forEach((k, v) -> text.add(k + "=" + v));
    }
    if (selector.getMatchExpressions() != null) {
      for (V1LabelSelectorRequirement r : selector.getMatchExpressions()) {
        String op = r.getOperator() == null ? "" : r.getOperator();
        switch (op) {
          case "Exists":
            text.add(r.getKey());
            break;
          case "DoesNotExist":
            text.add("!" + r.getKey());
            break;
          default:
            text.add(r.getKey() + " " + op.toLowerCase(java.util.Locale.ROOT) + " ("
                + (r.getValues() == null ? "" : String.join(", ", r.getValues())) + ")");
        }
      }
    }
    String result = text.toString();
    return result.isEmpty() ? "{} (everything)" : result;
  }

  /** {@code app=web, tier=front}. */
  static String describe(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return "no labels";
    }
    StringJoiner text = new StringJoiner(", ");
    labels.forEach((k, v) -> text.add(k + "=" + v));
    return text.toString();
  }
}

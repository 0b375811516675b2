package dev.mizzen.testkit.policy.recommended;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Label selectors and labels as findings show them. Whether a selector selects some labels is
 * {@link dev.mizzen.scheduling.LabelSelector#matches}'s to say.
 */
final class LabelSelectors {
  private LabelSelectors() {}

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

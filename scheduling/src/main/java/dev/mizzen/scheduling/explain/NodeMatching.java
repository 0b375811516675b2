package dev.mizzen.scheduling.explain;

import io.kubernetes.client.openapi.models.V1NodeSelector;
import io.kubernetes.client.openapi.models.V1NodeSelectorRequirement;
import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Taint;
import io.kubernetes.client.openapi.models.V1Toleration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** How the scheduler matches a pod's node selector, required node affinity and tolerations against a node. */
final class NodeMatching {
  private NodeMatching() {}

  /** The pod's {@code nodeSelector} and required node affinity both hold on the node (the NodeAffinity filter). */
  static boolean matchesRequiredNodeAffinity(V1PodSpec spec, NodeInfo node) {
    Map<String, String> selector = spec.getNodeSelector();
    if (selector != null) {
      for (Map.Entry<String, String> entry : selector.entrySet()) {
        if (!entry.getValue().equals(node.labels.get(entry.getKey()))) {
          return false;
        }
      }
    }
    V1NodeSelector required = requiredNodeSelector(spec);
    if (required == null) {
      return true;
    }
    List<V1NodeSelectorTerm> terms = required.getNodeSelectorTerms();
    return terms != null && terms.stream().anyMatch(term -> matches(term, node));
  }

  static V1NodeSelector requiredNodeSelector(V1PodSpec spec) {
    var affinity = spec.getAffinity();
    if (affinity == null || affinity.getNodeAffinity() == null) {
      return null;
    }
    return affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
  }

  /** A node selector term holds: not empty, and every expression and field requirement holds. */
  static boolean matches(V1NodeSelectorTerm term, NodeInfo node) {
    List<V1NodeSelectorRequirement> expressions = term.getMatchExpressions() == null ? List.of() : term.getMatchExpressions();
    List<V1NodeSelectorRequirement> fields = term.getMatchFields() == null ? List.of() : term.getMatchFields();
    if (expressions.isEmpty() && fields.isEmpty()) {
      return false;
    }
    for (V1NodeSelectorRequirement requirement : expressions) {
      if (!matches(requirement, node.labels)) {
        return false;
      }
    }
    for (V1NodeSelectorRequirement requirement : fields) {
      if (!"metadata.name".equals(requirement.getKey()) || !matchesName(requirement, node.name)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesName(V1NodeSelectorRequirement requirement, String name) {
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    return switch (requirement.getOperator()) {
      case "In" -> values.size() == 1 && values.get(0).equals(name);
      case "NotIn" -> values.size() == 1 && !values.get(0).equals(name);
      default -> false;
    };
  }

  private static boolean matches(V1NodeSelectorRequirement requirement, Map<String, String> labels) {
    String key = requirement.getKey();
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    String value = labels.get(key);
    String operator = requirement.getOperator();
    boolean needsValues = operator.equals("In") || operator.equals("NotIn");
    boolean takesNoValues = operator.equals("Exists") || operator.equals("DoesNotExist");
    if (needsValues && values.isEmpty() || takesNoValues && !values.isEmpty()) {
      return false;                              // the scheduler cannot parse it: the term matches nothing
    }
    switch (operator) {
      case "In":
        return value != null && values.contains(value);
      case "NotIn":
        return value == null || !values.contains(value);
      case "Exists":
        return value != null;
      case "DoesNotExist":
        return value == null;
      case "Gt":
      case "Lt":
        if (value == null || values.size() != 1) {
          return false;
        }
        try {
          long have = Long.parseLong(value);
          long bound = Long.parseLong(values.get(0));
          return requirement.getOperator().equals("Gt") ? have > bound : have < bound;
        } catch (NumberFormatException e) {
          return false;
        }
      default:
        return false;
    }
  }

  /** Whether a toleration tolerates a taint: same effect (or any), same key (or any with Exists), same value (or Exists). */
  static boolean tolerates(V1Toleration toleration, V1Taint taint) {
    String effect = toleration.getEffect();
    if (effect != null && !effect.isEmpty() && !effect.equals(taint.getEffect())) {
      return false;
    }
    String key = toleration.getKey();
    if (key != null && !key.isEmpty() && !key.equals(taint.getKey())) {
      return false;
    }
    String operator = toleration.getOperator() == null || toleration.getOperator().isEmpty() ? "Equal" : toleration.getOperator();
    return switch (operator) {
      case "Exists" -> true;
      case "Equal" -> nullToEmpty(toleration.getValue()).equals(nullToEmpty(taint.getValue()));
      default -> false;
    };
  }

  static boolean tolerated(List<V1Toleration> tolerations, V1Taint taint) {
    return tolerations != null && tolerations.stream().anyMatch(t -> tolerates(t, taint));
  }

  /** The first NoSchedule or NoExecute taint of the node that no toleration of the pod tolerates. */
  static Optional<V1Taint> firstUntoleratedHardTaint(List<V1Taint> taints, List<V1Toleration> tolerations) {
    Predicate<V1Taint> hard = t -> "NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect());
    return taints.stream().filter(hard).filter(t -> !tolerated(tolerations, t)).findFirst();
  }

  static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}

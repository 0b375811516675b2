package dev.mizzen.scheduling.explain;

import dev.mizzen.scheduling.LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import io.kubernetes.client.openapi.models.V1PodAffinityTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pod (anti-)affinity term as the scheduler reads it: the pods it is about (a label selector,
 * with {@code matchLabelKeys} and {@code mismatchLabelKeys} merged in as the API server does on
 * create), in which namespaces, and over which topology key; {@code weight} for preferred terms.
 */
record AffinityTerm(Set<String> namespaces, V1LabelSelector namespaceSelector, V1LabelSelector selector,
    String topologyKey, int weight) {

  /** The term of a pod in {@code ownNamespace} with labels {@code ownLabels}. */
  static AffinityTerm of(V1PodAffinityTerm term, int weight, String ownNamespace, Map<String, String> ownLabels) {
    List<String> listed = term.getNamespaces() == null ? List.of() : term.getNamespaces();
    Set<String> namespaces = listed.isEmpty() && term.getNamespaceSelector() == null
        ? Set.of(ownNamespace) : Set.copyOf(listed);
    return new AffinityTerm(namespaces, term.getNamespaceSelector(),
        withLabelKeys(term.getLabelSelector(), term.getMatchLabelKeys(), term.getMismatchLabelKeys(), ownLabels),
        term.getTopologyKey() == null ? "" : term.getTopologyKey(), weight);
  }

  /** Whether the term is about a pod in {@code namespace} (labelled {@code namespaceLabels}) with {@code labels}. */
  boolean matches(String namespace, Map<String, String> labels, Map<String, String> namespaceLabels) {
    boolean inNamespace = namespaces.contains(namespace)
        || namespaceSelector != null && LabelSelector.matches(namespaceSelector, namespaceLabels);
    return inNamespace && LabelSelector.matches(selector, labels);
  }

  private static V1LabelSelector withLabelKeys(V1LabelSelector selector, List<String> matchKeys,
      List<String> mismatchKeys, Map<String, String> ownLabels) {
    boolean none = (matchKeys == null || matchKeys.isEmpty()) && (mismatchKeys == null || mismatchKeys.isEmpty());
    if (selector == null || none) {
      return selector;
    }
    List<V1LabelSelectorRequirement> expressions = new ArrayList<>();
    if (selector.getMatchExpressions() != null) {
      expressions.addAll(selector.getMatchExpressions());
    }
    addRequirements(expressions, matchKeys, "In", ownLabels);
    addRequirements(expressions, mismatchKeys, "NotIn", ownLabels);
    return new V1LabelSelector().matchLabels(selector.getMatchLabels()).matchExpressions(expressions);
  }

  private static void addRequirements(List<V1LabelSelectorRequirement> expressions, List<String> keys,
      String operator, Map<String, String> ownLabels) {
    if (keys == null) {
      return;
    }
    for (String key : keys) {
      if (ownLabels.containsKey(key)) {
        expressions.add(new V1LabelSelectorRequirement().key(key).operator(operator).values(List.of(ownLabels.get(key))));
      }
    }
  }
}

package dev.mizzen.scheduling.explain;

import dev.mizzen.scheduling.LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A topology spread constraint as the scheduler reads it: {@code matchLabelKeys} merged into the
 * selector with the pod's values, {@code minDomains} 1, {@code nodeAffinityPolicy} Honor and
 * {@code nodeTaintsPolicy} Ignore unless given. A {@code null} selector selects nothing; an
 * empty one counts no pods but matches the pod itself.
 */
record SpreadConstraint(int maxSkew, String topologyKey, V1LabelSelector selector, int minDomains,
    boolean honorNodeAffinity, boolean honorNodeTaints) {

  /** The pod's constraints whose {@code whenUnsatisfiable} is {@code action}, in order. */
  static List<SpreadConstraint> of(PodInfo pod, String action) {
    List<SpreadConstraint> read = new ArrayList<>();
    List<V1TopologySpreadConstraint> constraints = pod.spec.getTopologySpreadConstraints();
    if (constraints == null) {
      return read;
    }
    for (V1TopologySpreadConstraint c : constraints) {
      if (!action.equals(c.getWhenUnsatisfiable())) {
        continue;
      }
      read.add(new SpreadConstraint(c.getMaxSkew() == null ? 0 : c.getMaxSkew(), c.getTopologyKey(),
          withLabelKeys(c.getLabelSelector(), c.getMatchLabelKeys(), pod.labels),
          c.getMinDomains() == null ? 1 : c.getMinDomains(),
          !"Ignore".equals(c.getNodeAffinityPolicy()),
          "Honor".equals(c.getNodeTaintsPolicy())));
    }
    return read;
  }

  /**
   * kube-scheduler's system default constraints for a pod without any of its own: ScheduleAnyway,
   * maxSkew 3 over hostnames and 5 over zones, over the pods that every workload selector
   * (Service, ReplicaSet, ...) of the pod's namespace that selects the pod also selects; none
   * when no selector selects it.
   */
  static List<SpreadConstraint> systemDefaults(PodInfo pod, ClusterState state) {
    List<V1LabelSelectorRequirement> requirements = new ArrayList<>();
    Map<String, String> matchLabels = new LinkedHashMap<>();
    for (ClusterState.WorkloadSelector workload : state.workloadSelectors()) {
      V1LabelSelector selector = workload.selector();
      if (!workload.namespace().equals(pod.namespace) || isEmpty(selector) || !LabelSelector.matches(selector, pod.labels)) {
        continue;
      }
      if (selector.getMatchLabels() != null) {
        matchLabels.putAll(selector.getMatchLabels());
      }
      if (selector.getMatchExpressions() != null) {
        requirements.addAll(selector.getMatchExpressions());
      }
    }
    if (matchLabels.isEmpty() && requirements.isEmpty()) {
      return List.of();
    }
    V1LabelSelector selector = new V1LabelSelector().matchLabels(matchLabels).matchExpressions(requirements);
    return List.of(new SpreadConstraint(3, dev.mizzen.scheduling.Topology.HOSTNAME, selector, 1, true, false),
        new SpreadConstraint(5, dev.mizzen.scheduling.Topology.ZONE, selector, 1, true, false));
  }

  /** Whether the constraint counts an existing pod with {@code labels} (in the pod's namespace). */
  boolean counts(Map<String, String> labels) {
    return selector != null && !isEmpty(selector) && LabelSelector.matches(selector, labels);
  }

  /** Whether the incoming pod, with {@code labels}, matches its own constraint. */
  boolean matchesSelf(Map<String, String> labels) {
    return selector != null && LabelSelector.matches(selector, labels);
  }

  /** Whether the node counts for this constraint under its node inclusion policies. */
  boolean includes(PodInfo pod, NodeInfo node) {
    if (honorNodeAffinity && !NodeMatching.matchesRequiredNodeAffinity(pod.spec, node)) {
      return false;
    }
    return !honorNodeTaints || NodeMatching.firstUntoleratedHardTaint(node.taints, pod.spec.getTolerations()).isEmpty();
  }

  /** Whether the node carries the topology key of every constraint. */
  static boolean hasAllKeys(NodeInfo node, List<SpreadConstraint> constraints) {
    return constraints.stream().allMatch(c -> node.labels.containsKey(c.topologyKey));
  }

  /** The pods on {@code node} in {@code namespace} that the constraint counts. */
  int countOn(NodeInfo node, String namespace) {
    int count = 0;
    for (PodInfo existing : node.pods) {
      if (existing.namespace.equals(namespace) && counts(existing.labels)) {
        count++;
      }
    }
    return count;
  }

  private static boolean isEmpty(V1LabelSelector selector) {
    return (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
        && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
  }

  private static V1LabelSelector withLabelKeys(V1LabelSelector selector, List<String> keys, Map<String, String> podLabels) {
    if (selector == null || keys == null || keys.isEmpty()) {
      return selector;
    }
    Map<String, String> matchLabels = new LinkedHashMap<>();
    for (String key : keys) {
      if (podLabels.containsKey(key)) {
        matchLabels.put(key, podLabels.get(key));
      }
    }
    if (matchLabels.isEmpty()) {
      return selector;
    }
    List<V1LabelSelectorRequirement> expressions = new ArrayList<>();
    matchLabels.forEach((key, value) -> expressions.add(
        new V1LabelSelectorRequirement().key(key).operator("In").values(List.of(value))));
    if (selector.getMatchExpressions() != null) {
      expressions.addAll(selector.getMatchExpressions());
    }
    return new V1LabelSelector().matchLabels(selector.getMatchLabels()).matchExpressions(expressions);
  }
}

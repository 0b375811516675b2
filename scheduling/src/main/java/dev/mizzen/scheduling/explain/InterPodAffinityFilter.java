package dev.mizzen.scheduling.explain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * InterPodAffinity, required terms. In the scheduler's order: the pod's affinity (every term's
 * domain on the node holds a pod matching all terms, unless no such pod exists anywhere and the
 * pod matches its own terms), the pod's anti-affinity (no domain of the node holds a pod a term
 * matches), and the anti-affinity of the pods already placed (none of them repels this pod from
 * the node's domains).
 */
final class InterPodAffinityFilter implements FilterPlugin {
  static final String AFFINITY = "node(s) didn't match pod affinity rules";
  static final String ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
  static final String EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

  private final PodInfo pod;
  private final Map<Domain, Integer> affinityCounts = new HashMap<>();
  private final Map<Domain, Integer> antiAffinityCounts = new HashMap<>();
  private final Map<Domain, Integer> existingAntiAffinityCounts = new HashMap<>();
  private final boolean podMatchesOwnAffinity;

  record Domain(String key, String value) {}

  InterPodAffinityFilter(PodInfo pod, Snapshot snapshot) {
    this.pod = pod;
    Map<String, String> ownNamespaceLabels = snapshot.namespaceLabels(pod.namespace);
    for (NodeInfo node : snapshot.nodes) {
      for (PodInfo existing : node.pods) {
        for (AffinityTerm term : existing.requiredAntiAffinity) {
          if (term.matches(pod.namespace, pod.labels, ownNamespaceLabels)) {
            count(existingAntiAffinityCounts, node, term.topologyKey());
          }
        }
        Map<String, String> existingNamespaceLabels = snapshot.namespaceLabels(existing.namespace);
        if (matchesAll(pod.requiredAffinity, existing.namespace, existing.labels, existingNamespaceLabels)) {
          pod.requiredAffinity.forEach(term -> count(affinityCounts, node, term.topologyKey()));
        }
        for (AffinityTerm term : pod.requiredAntiAffinity) {
          if (term.matches(existing.namespace, existing.labels, existingNamespaceLabels)) {
            count(antiAffinityCounts, node, term.topologyKey());
          }
        }
      }
    }
    this.podMatchesOwnAffinity = matchesAll(pod.requiredAffinity, pod.namespace, pod.labels, ownNamespaceLabels);
  }

  @Override
  public SchedulerPlugin plugin() {
    return SchedulerPlugin.INTER_POD_AFFINITY;
  }

  @Override
  public List<FilterReason> filter(NodeInfo node) {
    if (!satisfiesAffinity(node)) {
      return List.of(FilterReason.unresolvable(plugin(), AFFINITY));
    }
    for (AffinityTerm term : pod.requiredAntiAffinity) {
      String value = node.labels.get(term.topologyKey());
      if (value != null && antiAffinityCounts.getOrDefault(new Domain(term.topologyKey(), value), 0) > 0) {
        return List.of(FilterReason.resolvable(plugin(), ANTI_AFFINITY));
      }
    }
    for (Map.Entry<String, String> label : node.labels.entrySet()) {
      if (existingAntiAffinityCounts.getOrDefault(new Domain(label.getKey(), label.getValue()), 0) > 0) {
        return List.of(FilterReason.resolvable(plugin(), EXISTING_ANTI_AFFINITY));
      }
    }
    return List.of();
  }

  private boolean satisfiesAffinity(NodeInfo node) {
    boolean podsExist = true;
    for (AffinityTerm term : pod.requiredAffinity) {
      String value = node.labels.get(term.topologyKey());
      if (value == null) {
        return false;
      }
      if (affinityCounts.getOrDefault(new Domain(term.topologyKey(), value), 0) <= 0) {
        podsExist = false;
      }
    }
    // The first pod of a group that is affine to itself may go anywhere the topology keys exist.
    return podsExist || affinityCounts.isEmpty() && podMatchesOwnAffinity;
  }

  private static boolean matchesAll(List<AffinityTerm> terms, String namespace, Map<String, String> labels,
      Map<String, String> namespaceLabels) {
    return !terms.isEmpty() && terms.stream().allMatch(t -> t.matches(namespace, labels, namespaceLabels));
  }

  private static void count(Map<Domain, Integer> counts, NodeInfo node, String key) {
    String value = node.labels.get(key);
    if (value != null) {
      counts.merge(new Domain(key, value), 1, Integer::sum);
    }
  }
}

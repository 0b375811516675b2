package dev.mizzen.scheduling.explain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * InterPodAffinity scoring. Every placed pod adds to the domains of its node: the weight of each
 * preferred affinity term of the pod that matches it (minus for anti-affinity), 1 for each of its
 * own required affinity terms that match the pod, and the weight of each of its preferred
 * (anti-)affinity terms that match the pod. A node scores the sum over its domains, scaled
 * linearly so that the lowest scores 0 and the highest 100.
 */
final class InterPodAffinityScore implements ScorePlugin {
  private static final int HARD_POD_AFFINITY_WEIGHT = 1;
  private final PodInfo pod;
  private final Snapshot snapshot;

  InterPodAffinityScore(PodInfo pod, Snapshot snapshot) {
    this.pod = pod;
    this.snapshot = snapshot;
  }

  @Override
  public SchedulerPlugin plugin() {
    return SchedulerPlugin.INTER_POD_AFFINITY;
  }

  @Override
  public long[] scores(List<NodeInfo> feasible) {
    Map<String, Map<String, Long>> topologyScore = new HashMap<>();
    Map<String, String> ownNamespaceLabels = snapshot.namespaceLabels(pod.namespace);
    for (NodeInfo node : snapshot.nodes) {
      if (node.labels.isEmpty()) {
        continue;
      }
      for (PodInfo existing : node.pods) {
        Map<String, String> existingNamespaceLabels = snapshot.namespaceLabels(existing.namespace);
        for (AffinityTerm term : pod.preferredAffinity) {
          add(topologyScore, term, term.weight(), term.matches(existing.namespace, existing.labels, existingNamespaceLabels), node);
        }
        for (AffinityTerm term : pod.preferredAntiAffinity) {
          add(topologyScore, term, -term.weight(), term.matches(existing.namespace, existing.labels, existingNamespaceLabels), node);
        }
        for (AffinityTerm term : existing.requiredAffinity) {
          add(topologyScore, term, HARD_POD_AFFINITY_WEIGHT, term.matches(pod.namespace, pod.labels, ownNamespaceLabels), node);
        }
        for (AffinityTerm term : existing.preferredAffinity) {
          add(topologyScore, term, term.weight(), term.matches(pod.namespace, pod.labels, ownNamespaceLabels), node);
        }
        for (AffinityTerm term : existing.preferredAntiAffinity) {
          add(topologyScore, term, -term.weight(), term.matches(pod.namespace, pod.labels, ownNamespaceLabels), node);
        }
      }
    }
    long[] scores = new long[feasible.size()];
    if (topologyScore.isEmpty()) {
      return scores;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < scores.length; i++) {
      NodeInfo node = feasible.get(i);
      long score = 0;
      for (Map.Entry<String, Map<String, Long>> entry : topologyScore.entrySet()) {
        String value = node.labels.get(entry.getKey());
        if (value != null) {
          score += entry.getValue().getOrDefault(value, 0L);
        }
      }
      scores[i] = score;
      min = Math.min(min, score);
      max = Math.max(max, score);
    }
    long spread = max - min;
    for (int i = 0; i < scores.length; i++) {
      scores[i] = spread > 0 ? (long) (100.0 * ((double) (scores[i] - min) / (double) spread)) : 0;
    }
    return scores;
  }

  private static void add(Map<String, Map<String, Long>> topologyScore, AffinityTerm term, int weight, boolean matches,
      NodeInfo node) {
    String value = node.labels.get(term.topologyKey());
    if (matches && value != null) {
      topologyScore.computeIfAbsent(term.topologyKey(), k -> new HashMap<>()).merge(value, (long) weight, Long::sum);
    }
  }
}

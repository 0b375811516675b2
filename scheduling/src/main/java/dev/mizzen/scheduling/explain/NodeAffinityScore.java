package dev.mizzen.scheduling.explain;

import io.kubernetes.client.openapi.models.V1PreferredSchedulingTerm;
import java.util.List;

/** NodeAffinity scoring: the sum of the weights of the preferred node affinity terms the node matches, scaled by the best. */
final class NodeAffinityScore implements ScorePlugin {
  private final List<V1PreferredSchedulingTerm> preferred;

  NodeAffinityScore(PodInfo pod) {
    var affinity = pod.spec.getAffinity();
    var nodeAffinity = affinity == null ? null : affinity.getNodeAffinity();
    var terms = nodeAffinity == null ? null : nodeAffinity.getPreferredDuringSchedulingIgnoredDuringExecution();
    this.preferred = terms == null ? List.of() : terms;
  }

  @Override
  public SchedulerPlugin plugin() {
    return SchedulerPlugin.NODE_AFFINITY;
  }

  @Override
  public long[] scores(List<NodeInfo> feasible) {
    long[] scores = new long[feasible.size()];
    for (int i = 0; i < scores.length; i++) {
      for (V1PreferredSchedulingTerm term : preferred) {
        int weight = term.getWeight() == null ? 0 : term.getWeight();
        if (weight != 0 && term.getPreference() != null && NodeMatching.matches(term.getPreference(), feasible.get(i))) {
          scores[i] += weight;
        }
      }
    }
    ScorePlugin.normalize(scores, false);
    return scores;
  }
}

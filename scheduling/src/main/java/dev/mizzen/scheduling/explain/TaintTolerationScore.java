package dev.mizzen.scheduling.explain;

import io.kubernetes.client.openapi.models.V1Taint;
import io.kubernetes.client.openapi.models.V1Toleration;
import java.util.List;

/**
 * TaintToleration scoring: fewer PreferNoSchedule taints the pod does not tolerate score higher
 * (only tolerations with effect PreferNoSchedule or none count); 100 for all when no node has any.
 */
final class TaintTolerationScore implements ScorePlugin {
  private final List<V1Toleration> tolerations;

  TaintTolerationScore(PodInfo pod) {
    List<V1Toleration> all = pod.spec.getTolerations() == null ? List.of() : pod.spec.getTolerations();
    this.tolerations = all.stream()
        .filter(t -> t.getEffect() == null || t.getEffect().isEmpty() || t.getEffect().equals("PreferNoSchedule"))
        .toList();
  }

  @Override
  public SchedulerPlugin plugin() {
    return SchedulerPlugin.TAINT_TOLERATION;
  }

  @Override
  public long[] scores(List<NodeInfo> feasible) {
    long[] scores = new long[feasible.size()];
    for (int i = 0; i < scores.length; i++) {
      for (V1Taint taint : feasible.get(i).taints) {
        if ("PreferNoSchedule".equals(taint.getEffect()) && !NodeMatching.tolerated(tolerations, taint)) {
          scores[i]++;
        }
      }
    }
    ScorePlugin.normalize(scores, true);
    return scores;
  }
}

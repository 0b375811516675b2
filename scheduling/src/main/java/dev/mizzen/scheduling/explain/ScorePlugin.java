package dev.mizzen.scheduling.explain;

import java.util.List;

/** One score plugin of the scheduling cycle: normalized scores (0..100) of the feasible nodes, before the weight. */
interface ScorePlugin {
  SchedulerPlugin plugin();

  /** One score per node of {@code feasible}, in order, normalized as the plugin does; all 0 when it skips. */
  long[] scores(List<NodeInfo> feasible);

  /** kube-scheduler's DefaultNormalizeScore: scale to 0..100 by the maximum; reversed, 100 minus that. */
  static void normalize(long[] scores, boolean reverse) {
    long max = 0;
    for (long score : scores) {
      max = Math.max(max, score);
    }
    if (max == 0) {
      if (reverse) {
        java.util.Arrays.fill(scores, 100);
      }
      return;
    }
    for (int i = 0; i < scores.length; i++) {
      long scaled = 100 * scores[i] / max;
      scores[i] = reverse ? 100 - scaled : scaled;
    }
  }
}

package dev.mizzen.scheduling.explain;

import java.util.List;

/**
 * NodeResourcesFit scoring with the LeastAllocated strategy: the mean, over cpu and memory
 * (weight 1 each), of the share left free after the pod, {@code (allocatable - requested) * 100 /
 * allocatable}, where requested counts 100m cpu and 200Mi memory for containers that set none.
 */
final class LeastAllocatedScore implements ScorePlugin {
  private final PodInfo pod;

  LeastAllocatedScore(PodInfo pod) {
    this.pod = pod;
  }

  @Override
  public SchedulerPlugin plugin() {
    return SchedulerPlugin.NODE_RESOURCES_FIT;
  }

  @Override
  public long[] scores(List<NodeInfo> feasible) {
    long[] scores = new long[feasible.size()];
    for (int i = 0; i < scores.length; i++) {
      NodeInfo node = feasible.get(i);
      long sum = 0;
      long weights = 0;
      for (String resource : List.of(PodResources.CPU, PodResources.MEMORY)) {
        long allocatable = node.allocatable(resource);
        if (allocatable == 0) {
          continue;
        }
        long requested = node.nonZeroRequested(resource) + pod.nonZeroRequests.getOrDefault(resource, 0L);
        sum += requested > allocatable ? 0 : (allocatable - requested) * 100 / allocatable;
        weights++;
      }
      scores[i] = weights == 0 ? 0 : sum / weights;
    }
    return scores;
  }
}

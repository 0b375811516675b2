package dev.mizzen.scheduling.explain;

import java.util.ArrayList;
import java.util.List;

/**
 * NodeResourcesBalancedAllocation: nodes whose cpu and memory would be used in equal shares
 * after the pod score higher, {@code (1 - |cpuShare - memoryShare| / 2) * 100} (shares of
 * allocatable, capped at 1, counting actual requests). Skipped for a pod that requests neither.
 */
final class BalancedAllocationScore implements ScorePlugin {
  private final PodInfo pod;

  BalancedAllocationScore(PodInfo pod) {
    this.pod = pod;
  }

  @Override
  public SchedulerPlugin plugin() {
    return SchedulerPlugin.NODE_RESOURCES_BALANCED_ALLOCATION;
  }

  @Override
  public long[] scores(List<NodeInfo> feasible) {
    long[] scores = new long[feasible.size()];
    long cpu = pod.requests.getOrDefault(PodResources.CPU, 0L);
    long memory = pod.requests.getOrDefault(PodResources.MEMORY, 0L);
    if (cpu == 0 && memory == 0) {
      return scores;
    }
    for (int i = 0; i < scores.length; i++) {
      NodeInfo node = feasible.get(i);
      List<Double> fractions = new ArrayList<>();
      for (String resource : List.of(PodResources.CPU, PodResources.MEMORY)) {
        long allocatable = node.allocatable(resource);
        if (allocatable == 0) {
          continue;
        }
        long requested = node.requested(resource) + pod.requests.getOrDefault(resource, 0L);
        fractions.add(Math.min(1.0, (double) requested / (double) allocatable));
      }
      double std = fractions.size() == 2 ? Math.abs((fractions.get(0) - fractions.get(1)) / 2) : 0.0;
      scores[i] = (long) ((1 - std) * 100);
    }
    return scores;
  }
}

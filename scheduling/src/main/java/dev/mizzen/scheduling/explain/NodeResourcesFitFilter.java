package dev.mizzen.scheduling.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * NodeResourcesFit: room for one more pod, and for each resource the pod requests (cpu, memory,
 * ephemeral storage, extended resources) at least that much allocatable left after the requests
 * of the node's pods. Every shortfall is a reason.
 */
final class NodeResourcesFitFilter implements FilterPlugin {
  private final PodInfo pod;

  NodeResourcesFitFilter(PodInfo pod) {
    this.pod = pod;
  }

  @Override
  public SchedulerPlugin plugin() {
    return SchedulerPlugin.NODE_RESOURCES_FIT;
  }

  @Override
  public List<FilterReason> filter(NodeInfo node) {
    List<FilterReason> reasons = new ArrayList<>();
    if (node.pods.size() + 1 > node.allowedPods()) {
      reasons.add(FilterReason.resolvable(plugin(), "Too many pods"));
    }
    Map<String, Long> requests = pod.requests;
    for (String resource : List.of(PodResources.CPU, PodResources.MEMORY, PodResources.EPHEMERAL_STORAGE)) {
      long wanted = requests.getOrDefault(resource, 0L);
      if (wanted > 0 && wanted > node.allocatable(resource) - node.requested(resource)) {
        reasons.add(FilterReason.resolvable(plugin(), "Insufficient " + resource));
      }
    }
    requests.entrySet().stream()
        .filter(e -> PodResources.isScalar(e.getKey()) && e.getValue() != 0)
        .sorted(Map.Entry.comparingByKey())
        .filter(e -> e.getValue() > node.allocatable(e.getKey()) - node.requested(e.getKey()))
        .forEach(e -> reasons.add(FilterReason.resolvable(plugin(), "Insufficient " + e.getKey())));
    return reasons;
  }
}

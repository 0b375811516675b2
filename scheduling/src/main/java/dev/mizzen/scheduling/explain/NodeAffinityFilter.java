package dev.mizzen.scheduling.explain;

import java.util.List;

/** NodeAffinity: the pod's {@code nodeSelector} and required node affinity must hold on the node. */
final class NodeAffinityFilter implements FilterPlugin {
  static final String REASON = "node(s) didn't match Pod's node affinity/selector";
  private final PodInfo pod;

  NodeAffinityFilter(PodInfo pod) {
    this.pod = pod;
  }

  @Override
  public SchedulerPlugin plugin() {
    return SchedulerPlugin.NODE_AFFINITY;
  }

  @Override
  public List<FilterReason> filter(NodeInfo node) {
    return NodeMatching.matchesRequiredNodeAffinity(pod.spec, node)
        ? List.of() : List.of(FilterReason.unresolvable(plugin(), REASON));
  }
}

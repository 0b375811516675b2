package dev.mizzen.scheduling.explain;

import java.util.List;

/**
 * TaintToleration: the node's first NoSchedule or NoExecute taint (in the node's order) that the
 * pod does not tolerate keeps the pod off; PreferNoSchedule taints only lower the score.
 */
final class TaintTolerationFilter implements FilterPlugin {
  private final PodInfo pod;

  TaintTolerationFilter(PodInfo pod) {
    this.pod = pod;
  }

  @Override
  public SchedulerPlugin plugin() {
    return SchedulerPlugin.TAINT_TOLERATION;
  }

  @Override
  public List<FilterReason> filter(NodeInfo node) {
    return NodeMatching.firstUntoleratedHardTaint(node.taints, pod.spec.getTolerations())
        .map(taint -> List.of(FilterReason.unresolvable(plugin(), String.format("node(s) had untolerated taint {%s: %s}",
            NodeMatching.nullToEmpty(taint.getKey()), NodeMatching.nullToEmpty(taint.getValue())))))
        .orElse(List.of());
  }
}

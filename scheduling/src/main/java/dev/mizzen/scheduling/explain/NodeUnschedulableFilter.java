package dev.mizzen.scheduling.explain;

import io.kubernetes.client.openapi.models.V1Taint;
import java.util.List;

/** NodeUnschedulable: a cordoned node takes only pods that tolerate {@code node.kubernetes.io/unschedulable:NoSchedule}. */
final class NodeUnschedulableFilter implements FilterPlugin {
  static final String REASON = "node(s) were unschedulable";
  private static final V1Taint UNSCHEDULABLE = new V1Taint().key("node.kubernetes.io/unschedulable").effect("NoSchedule");
  private final boolean tolerates;

  NodeUnschedulableFilter(PodInfo pod) {
    this.tolerates = NodeMatching.tolerated(pod.spec.getTolerations(), UNSCHEDULABLE);
  }

  @Override
  public SchedulerPlugin plugin() {
    return SchedulerPlugin.NODE_UNSCHEDULABLE;
  }

  @Override
  public List<FilterReason> filter(NodeInfo node) {
    return node.unschedulable && !tolerates ? List.of(FilterReason.unresolvable(plugin(), REASON)) : List.of();
  }
}

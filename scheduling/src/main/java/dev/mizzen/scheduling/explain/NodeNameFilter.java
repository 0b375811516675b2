package dev.mizzen.scheduling.explain;

import java.util.List;

/** NodeName: a pod that names its node ({@code spec.nodeName}) fits only that node. */
final class NodeNameFilter implements FilterPlugin {
  static final String REASON = "node(s) didn't match the requested node name";
  private final String nodeName;

  NodeNameFilter(PodInfo pod) {
    this.nodeName = pod.spec.getNodeName();
  }

  @Override
  public SchedulerPlugin plugin() {
    return SchedulerPlugin.NODE_NAME;
  }

  @Override
  public List<FilterReason> filter(NodeInfo node) {
    return nodeName == null || nodeName.isEmpty() || nodeName.equals(node.name)
        ? List.of() : List.of(FilterReason.unresolvable(plugin(), REASON));
  }
}

package dev.mizzen.scheduling.explain;

import java.util.List;

/**
 * NodePorts: each host port of the pod's containers (and sidecars) must be free on the node, by
 * protocol, port and address ({@code 0.0.0.0} overlaps every address).
 */
final class NodePortsFilter implements FilterPlugin {
  static final String REASON = "node(s) didn't have free ports for the requested pod ports";
  private final PodInfo pod;

  NodePortsFilter(PodInfo pod) {
    this.pod = pod;
  }

  @Override
  public SchedulerPlugin plugin() {
    return SchedulerPlugin.NODE_PORTS;
  }

  @Override
  public List<FilterReason> filter(NodeInfo node) {
    for (PodInfo.HostPort wanted : pod.hostPorts) {
      if (node.usedPorts.stream().anyMatch(used -> used.conflictsWith(wanted))) {
        return List.of(FilterReason.resolvable(plugin(), REASON));
      }
    }
    return List.of();
  }
}

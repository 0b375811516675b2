package dev.mizzen.scheduling.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scheduler's view of a {@link ClusterState}: nodes with their pods, and namespace labels. */
final class Snapshot {
  final List<NodeInfo> nodes = new ArrayList<>();
  final ClusterState state;

  Snapshot(ClusterState state) {
    this.state = state;
    Map<String, NodeInfo> byName = new LinkedHashMap<>();
    state.nodes().forEach(node -> {
      NodeInfo info = new NodeInfo(node);
      if (byName.putIfAbsent(info.name, info) != null) {
        throw new IllegalArgumentException("two nodes are named " + info.name);
      }
      nodes.add(info);
    });
    for (PlacedPod pod : state.pods()) {
      NodeInfo node = byName.get(pod.node());
      if (node == null) {
        throw new IllegalArgumentException(pod.objectRef() + " is bound to Node/" + pod.node() + ", which is not among the nodes");
      }
      node.add(PodInfo.of(pod));
    }
  }

  Map<String, String> namespaceLabels(String namespace) {
    return state.namespaceLabels(namespace);
  }
}

package dev.mizzen.scheduling.explain;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.mizzen.scheduling.Topology;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a workload's replicas land when placed one after another; made by
 * {@link PlacementExplainer#placeReplicas}.
 */
public final class ReplicaPlacement {
  private final List<Explanation> explanations;
  private final List<PlacedPod> placed;
  private final ClusterState finalState;

  ReplicaPlacement(List<Explanation> explanations, List<PlacedPod> placed, ClusterState finalState) {
    this.explanations = ImmutableList.copyOf(explanations);
    this.placed = ImmutableList.copyOf(placed);
    this.finalState = requireNonNull(finalState, "finalState");
  }

  /** The explanation of each replica's placement, in order. */
  public List<Explanation> explanations() {
    return explanations;
  }

  /** The replicas that found a node, in order. */
  public List<PlacedPod> placed() {
    return placed;
  }

  /** How many replicas found no node (they stay Pending). */
  public int pending() {
    return explanations.size() - placed.size();
  }

  /** The cluster state with every placed replica bound. */
  public ClusterState finalState() {
    return finalState;
  }

  /** Replicas per node name, sorted by name; nodes without replicas are absent. */
  public Map<String, Integer> perNode() {
    Map<String, Integer> counts = new TreeMap<>();
    placed.forEach(pod -> counts.merge(pod.node(), 1, Integer::sum));
    return counts;
  }

  /** Replicas per value of the node label {@code key} (a topology domain), sorted; nodes without the label count under "". */
  public Map<String, Integer> perDomain(String key) {
    Map<String, Integer> counts = new TreeMap<>();
    for (PlacedPod pod : placed) {
      String value = finalState.nodeLabels(pod.node()).get(key);
      counts.merge(value == null ? "" : value, 1, Integer::sum);
    }
    return counts;
  }

  /** Replicas per zone ({@code topology.kubernetes.io/zone}). */
  public Map<String, Integer> perZone() {
    return perDomain(Topology.ZONE);
  }

  @Override
  public String toString() {
    return placed.size() + " placed " + perNode() + ", per zone " + perZone() + ", " + pending() + " pending";
  }
}

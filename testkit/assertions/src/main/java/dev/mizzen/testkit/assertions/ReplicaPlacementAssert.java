package dev.mizzen.testkit.assertions;

import dev.mizzen.scheduling.Topology;
import dev.mizzen.scheduling.explain.ReplicaPlacement;
import io.kubernetes.client.openapi.models.V1Node;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assertions on how a workload's replicas spread, from the placement explainer, without a
 * cluster: {@code assertThat(PlacementExplainer.placeReplicas(pod, 6, ClusterState.of(fleet)))}.
 *
 * <pre>{@code
 * assertThat(PlacementExplainer.placeReplicas(web, 6, state)).placesAll().spreadsEvenlyOverZones();
 * }</pre>
 */
public class ReplicaPlacementAssert extends AbstractMizzenAssert<ReplicaPlacementAssert, ReplicaPlacement> {

  /** An assert on {@code actual}, named {@code Replicas} in messages. */
  public ReplicaPlacementAssert(ReplicaPlacement actual) {
    super(actual, ReplicaPlacementAssert.class, "Replicas");
  }

  /** Asserts that every replica found a node. */
  public ReplicaPlacementAssert placesAll() {
    requireActual();
    if (actual.pending() > 0) {
      failAt(location(), "expected every replica to find a node, but " + actual.pending() + " stay Pending: "
          + actual.explanations().get(actual.explanations().size() - 1).failedSchedulingMessage().orElse(""));
    }
    return myself;
  }

  /** Asserts that exactly {@code count} replicas find no node. */
  public ReplicaPlacementAssert hasPending(int count) {
    requireActual();
    if (actual.pending() != count) {
      failAt(location(), "expected " + count + " replicas to stay Pending, but " + actual.pending() + " do");
    }
    return myself;
  }

  /** As {@link #spreadsEvenlyOver(String)} over zones ({@code topology.kubernetes.io/zone}). */
  public ReplicaPlacementAssert spreadsEvenlyOverZones() {
    return spreadsEvenlyOver(Topology.ZONE);
  }

  /**
   * Asserts that the placed replicas per domain of {@code topologyKey} differ by at most one,
   * counting every domain of the cluster's nodes (a domain without replicas counts 0).
   */
  public ReplicaPlacementAssert spreadsEvenlyOver(String topologyKey) {
    requireActual();
    Map<String, Integer> perDomain = new TreeMap<>();
    for (V1Node node : actual.finalState().nodes()) {
      Map<String, String> labels = node.getMetadata().getLabels();
      if (labels != null && labels.containsKey(topologyKey)) {
        perDomain.put(labels.get(topologyKey), 0);
      }
    }
    perDomain.putAll(actual.perDomain(topologyKey));
    perDomain.remove("");
    int min = perDomain.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    int max = perDomain.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    if (max - min > 1) {
      failAt(location(), "expected the replicas spread evenly over " + topologyKey + ", but they are " + perDomain);
    }
    return myself;
  }
}

package dev.mizzen.scheduling.explain;

import static dev.mizzen.scheduling.explain.Specs.node;
import static dev.mizzen.scheduling.explain.Specs.pending;
import static dev.mizzen.scheduling.explain.Specs.podTerm;
import static dev.mizzen.scheduling.explain.Specs.requesting;
import static dev.mizzen.scheduling.explain.Specs.spread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.scheduling.Topology;
import dev.mizzen.scheduling.fleet.Fleet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placing a workload's replicas one after another. */
class ReplicaPlacementTest {
  private static final Map<String, String> WEB = Map.of("app", "web");
  private static final Fleet FLEET = Fleet.grid(List.of("za", "zb", "zc"), List.of("general"), 2,
      (n, zone, pool) -> n.capacity("cpu", "4").capacity("memory", "16Gi").capacity("pods", "110"));

  @Test
  void aStrictZoneSpreadPlacesReplicasEvenly() {
    var spec = requesting("500m", "512Mi").topologySpreadConstraints(List.of(spread(Topology.ZONE, 1, "DoNotSchedule", WEB)));

    ReplicaPlacement placement = PlacementExplainer.placeReplicas(PendingPod.of("shop", "web", WEB, spec), 7, ClusterState.of(FLEET));

    assertThat(placement.pending()).isZero();
    assertThat(placement.perZone().values()).containsExactlyInAnyOrder(3, 2, 2);
    assertThat(placement.placed()).extracting(PlacedPod::name).startsWith("web-1", "web-2");
  }

  @Test
  void requiredAntiAffinityPerHostLeavesExtraReplicasPending() {
    var spec = requesting("100m", null).affinity(Specs.requiredPodAntiAffinity(podTerm(Topology.HOSTNAME, WEB)));

    ReplicaPlacement placement = PlacementExplainer.placeReplicas(pending(spec, WEB), 8, ClusterState.of(FLEET));

    assertThat(placement.perNode()).hasSize(6).allSatisfy((n, count) -> assertThat(count).isEqualTo(1));
    assertThat(placement.pending()).isEqualTo(2);
    assertThat(placement.explanations().get(7).failedSchedulingMessage()).contains("0/6 nodes are available: "
        + "6 node(s) didn't match pod anti-affinity rules. preemption: 0/6 nodes are available: "
        + "6 No preemption victims found for incoming pod.");
  }

  @Test
  void leastAllocatedAloneSpreadsOverNodes() {
    ReplicaPlacement placement = PlacementExplainer.placeReplicas(pending(requesting("1", "1Gi"), WEB), 6, ClusterState.of(FLEET));

    assertThat(placement.perNode()).hasSize(6);
    assertThat(placement.perZone()).containsExactly(Map.entry("za", 2), Map.entry("zb", 2), Map.entry("zc", 2));
  }
}

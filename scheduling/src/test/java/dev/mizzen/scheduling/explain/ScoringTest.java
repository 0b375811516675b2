package dev.mizzen.scheduling.explain;

import static dev.mizzen.scheduling.explain.Specs.pending;
import static dev.mizzen.scheduling.explain.Specs.placed;
import static dev.mizzen.scheduling.explain.Specs.requesting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.fleet.Fleet;
import dev.mizzen.scheduling.fleet.Node;
import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1NodeAffinity;
import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import io.kubernetes.client.openapi.models.V1PreferredSchedulingTerm;
import io.kubernetes.client.openapi.models.V1Toleration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The node-local scores and the weighted total, with figures from the upstream plugin tests. */
class ScoringTest {

  private static Node node(String name, String cpu, String memory) {
    return Node.named(name).capacity("cpu", cpu).capacity("memory", memory).capacity("pods", "110").build();
  }

  private static List<Long> part(Explanation why, SchedulerPlugin plugin) {
    return why.scores().stream().map(s -> s.parts().get(plugin)).toList();
  }

  @Test
  void leastAllocatedAndBalancedAllocationOnDifferentlySizedNodes() {
    // least_allocated_test / balanced_allocation_test: "nothing scheduled, resources requested, differently sized nodes"
    ClusterState state = ClusterState.of(Fleet.of(node("n1", "4", "10000"), node("n2", "6", "10000")));

    Explanation why = PlacementExplainer.explain(pending(requesting("3", "5000")), state);

    assertThat(part(why, SchedulerPlugin.NODE_RESOURCES_FIT)).containsExactly(37L, 50L);
    assertThat(part(why, SchedulerPlugin.NODE_RESOURCES_BALANCED_ALLOCATION)).containsExactly(87L, 100L);
    assertThat(why.topNodes()).containsExactly("n2");
  }

  @Test
  void leastAllocatedCountsDefaultRequestsAndBalancedAllocationSkipsPodsRequestingNothing() {
    ClusterState state = ClusterState.of(Fleet.of(node("n1", "1", "1Gi"), node("n2", "2", "1Gi")))
        .withPods(placed("p", "n1", Map.of()));

    Explanation why = PlacementExplainer.explain(pending(Specs.plain()), state);

    // n1: cpu (1000 - 200) * 100 / 1000 = 80, memory (1024 - 400) * 100 / 1024 = 60 -> 70; n2: 95 and 80 -> 87
    assertThat(part(why, SchedulerPlugin.NODE_RESOURCES_FIT)).containsExactly(70L, 87L);
    assertThat(part(why, SchedulerPlugin.NODE_RESOURCES_BALANCED_ALLOCATION)).containsExactly(0L, 0L);
  }

  @Test
  void untoleratedPreferNoScheduleTaintsLowerTheScoreRelativeToTheWorstNode() {
    ClusterState state = ClusterState.of(Fleet.of(Node.named("clean").capacity("pods", "10"),
        Node.named("one").capacity("pods", "10").taint("a", "x", TaintEffect.PREFER_NO_SCHEDULE),
        Node.named("two").capacity("pods", "10").taint("a", "x", TaintEffect.PREFER_NO_SCHEDULE)
            .taint("b", "y", TaintEffect.PREFER_NO_SCHEDULE)));

    assertThat(part(PlacementExplainer.explain(pending(Specs.plain()), state), SchedulerPlugin.TAINT_TOLERATION))
        .containsExactly(300L, 150L, 0L);
    var tolerant = Specs.plain().tolerations(List.of(new V1Toleration().key("a").operator("Exists")));
    assertThat(part(PlacementExplainer.explain(pending(tolerant), state), SchedulerPlugin.TAINT_TOLERATION))
        .containsExactly(300L, 300L, 0L);
  }

  @Test
  void preferredNodeAffinitySumsMatchingWeightsScaledByTheBest() {
    ClusterState state = ClusterState.of(Fleet.of(Node.named("a").label("disk", "ssd").label("gen", "5").capacity("pods", "10"),
        Node.named("b").label("disk", "ssd").capacity("pods", "10"),
        Node.named("c").capacity("pods", "10")));
    var affinity = new V1Affinity().nodeAffinity(new V1NodeAffinity()
        .addPreferredDuringSchedulingIgnoredDuringExecutionItem(new V1PreferredSchedulingTerm().weight(30)
            .preference(new V1NodeSelectorTerm().addMatchExpressionsItem(Specs.requirement("disk", "In", "ssd"))))
        .addPreferredDuringSchedulingIgnoredDuringExecutionItem(new V1PreferredSchedulingTerm().weight(60)
            .preference(new V1NodeSelectorTerm().addMatchExpressionsItem(Specs.requirement("gen", "Gt", "4")))));

    Explanation why = PlacementExplainer.explain(pending(Specs.plain().affinity(affinity)), state);

    // 90, 30, 0 -> 100, 33, 0, times 2
    assertThat(part(why, SchedulerPlugin.NODE_AFFINITY)).containsExactly(200L, 66L, 0L);
    assertThat(why.topNodes()).containsExactly("a");
    assertThat(why.scores().get(0)).hasToString("Node/a: 500 (TaintToleration 300, NodeAffinity 200, NodeResourcesFit 0, "
        + "PodTopologySpread 0, InterPodAffinity 0, NodeResourcesBalancedAllocation 0)");
  }

  @Test
  void tiesMakeSeveralTopNodes() {
    ClusterState state = ClusterState.of(Fleet.of(node("n1", "4", "8Gi"), node("n2", "4", "8Gi")));

    assertThat(PlacementExplainer.explain(pending(requesting("1", "1Gi")), state).topNodes()).containsExactly("n1", "n2");
  }
}

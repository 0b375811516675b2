package dev.mizzen.scheduling.explain;

import static dev.mizzen.scheduling.explain.Specs.pending;
import static dev.mizzen.scheduling.explain.Specs.requesting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.fleet.Fleet;
import dev.mizzen.scheduling.fleet.Node;
import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The FailedScheduling message, as framework.FitError and DefaultPreemption write it. */
class FailedSchedulingMessageTest {

  /** The standard test fleet: 3 general nodes and 3 gpu nodes tainted nvidia.com/gpu=present:NoSchedule. */
  private static ClusterState standard() {
    return ClusterState.of(Fleet.grid(List.of("zone-a", "zone-b", "zone-c"), List.of("general", "gpu"), 1, (node, zone, pool) -> {
      node.capacity("cpu", "8").capacity("memory", "32Gi").capacity("pods", "110");
      if (pool.equals("gpu")) {
        node.capacity("nvidia.com/gpu", "4").taint("nvidia.com/gpu", "present", TaintEffect.NO_SCHEDULE);
      }
    }));
  }

  @Test
  void unresolvableReasonsOnlyMakePreemptionUnhelpfulEverywhere() {
    var spec = requesting("1", null).nodeSelector(Map.of("node-pool", "gpu"));

    assertThat(PlacementExplainer.explain(pending(spec), standard()).failedSchedulingMessage()).contains(
        "0/6 nodes are available: 3 node(s) didn't match Pod's node affinity/selector, "
            + "3 node(s) had untolerated taint {nvidia.com/gpu: present}. "
            + "preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.");
  }

  @Test
  void resourceShortfallsAreTriedForPreemptionAndFindNoVictims() {
    Explanation why = PlacementExplainer.explain(pending(requesting("10", null)), standard());

    assertThat(why.failedSchedulingMessage()).contains("0/6 nodes are available: 3 Insufficient cpu, "
        + "3 node(s) had untolerated taint {nvidia.com/gpu: present}. preemption: 0/6 nodes are available: "
        + "3 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.");
  }

  @Test
  void countsSortAsTextSoTenComesBeforeThree() {
    List<Node> nodes = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      nodes.add(Specs.node("small-" + i, "z", "1", "1Gi", "10").build());
    }
    for (int i = 1; i <= 3; i++) {
      nodes.add(Specs.node("tainted-" + i, "z").taint("k", "v", TaintEffect.NO_EXECUTE).build());
    }

    Explanation why = PlacementExplainer.explain(pending(requesting("2", null)), ClusterState.of(Fleet.of(nodes)));

    assertThat(why.failedSchedulingMessage()).contains("0/13 nodes are available: 10 Insufficient cpu, "
        + "3 node(s) had untolerated taint {k: v}. preemption: 0/13 nodes are available: "
        + "10 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.");
  }

  @Test
  void aNodeWithSeveralShortfallsCountsForEachAndAPodThatMayNotPreemptSaysSo() {
    ClusterState state = ClusterState.of(Fleet.of(Specs.node("a", "z", "1", "1Gi", "10")));

    Explanation why = PlacementExplainer.explain(pending(requesting("2", "2Gi").preemptionPolicy("Never")), state);

    assertThat(why.reasonCounts()).containsExactly(Map.entry("Insufficient cpu", 1), Map.entry("Insufficient memory", 1));
    assertThat(why.failedSchedulingMessage()).contains("0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. "
        + "preemption: not eligible due to preemptionPolicy=Never.");
  }

  @Test
  void conflictingNodeNameTermsFailInThePreFilter() {
    var spec = requesting("1", null).affinity(Specs.requiredNodeTerms(new V1NodeSelectorTerm()
        .addMatchFieldsItem(Specs.requirement("metadata.name", "In", "general-zone-a-1"))
        .addMatchFieldsItem(Specs.requirement("metadata.name", "In", "gpu-zone-a-1"))));

    assertThat(PlacementExplainer.explain(pending(spec), standard()).failedSchedulingMessage()).contains(
        "0/6 nodes are available: pod affinity terms conflict. "
            + "preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.");
  }

  @Test
  void aSchedulablePodHasNoMessage() {
    Explanation why = PlacementExplainer.explain(pending(requesting("1", null)), standard());

    assertThat(why.failedSchedulingMessage()).isEmpty();
    assertThat(why.feasibleNodes()).containsExactly("general-zone-a-1", "general-zone-b-1", "general-zone-c-1");
  }

  @Test
  void withoutNodesTheSchedulerRunsNoPlugin() {
    Explanation why = PlacementExplainer.explain(pending(requesting("1", null)), ClusterState.ofNodes(List.of()));

    assertThat(why.failedSchedulingMessage()).contains("no nodes available to schedule pods");
    assertThat(why.verdicts()).isEmpty();
  }
}

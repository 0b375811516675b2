package dev.mizzen.scheduling.explain;

import static dev.mizzen.scheduling.explain.Specs.node;
import static dev.mizzen.scheduling.explain.Specs.pending;
import static dev.mizzen.scheduling.explain.Specs.placed;
import static dev.mizzen.scheduling.explain.Specs.requesting;
import static dev.mizzen.scheduling.explain.Specs.spread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.Topology;
import dev.mizzen.scheduling.fleet.Fleet;
import dev.mizzen.scheduling.fleet.Node;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PodTopologySpread: DoNotSchedule filtering and ScheduleAnyway scoring. */
class PodTopologySpreadTest {
  private static final Map<String, String> WEB = Map.of("app", "web");

  private static Fleet threeZones() {
    return Fleet.of(node("a1", "za"), node("a2", "za"), node("b1", "zb"), node("c1", "zc"));
  }

  private static V1PodSpec strict(io.kubernetes.client.openapi.models.V1TopologySpreadConstraint constraint) {
    return requesting("100m", null).topologySpreadConstraints(List.of(constraint));
  }

  @Test
  void aDomainMayExceedTheLeastPopulatedByAtMostMaxSkew() {
    ClusterState state = ClusterState.of(threeZones()).withPods(placed("w1", "a1", WEB), placed("w2", "b1", WEB));

    Explanation why = PlacementExplainer.explain(pending(strict(spread(Topology.ZONE, 1, "DoNotSchedule", WEB)), WEB), state);

    assertThat(why.feasibleNodes()).containsExactly("c1");
    assertThat(why.reasonCounts()).containsExactly(Map.entry("node(s) didn't match pod topology spread constraints", 3));
  }

  @Test
  void podsOfOtherNamespacesAndAPodNotMatchingItselfDoNotCount() {
    ClusterState state = ClusterState.of(threeZones())
        .withPods(placed("w1", "a1", WEB), PlacedPod.of("other", "w2", WEB, "b1", Specs.plain()));

    assertThat(PlacementExplainer.explain(pending(strict(spread(Topology.ZONE, 1, "DoNotSchedule", WEB)), WEB), state)
        .feasibleNodes()).containsExactly("b1", "c1");
    assertThat(PlacementExplainer.explain(pending(strict(spread(Topology.ZONE, 1, "DoNotSchedule", WEB)), Map.of()), state)
        .feasibleNodes()).hasSize(4);
  }

  @Test
  void fewerDomainsThanMinDomainsMakeTheMinimumZero() {
    Fleet twoZones = Fleet.of(node("a1", "za"), node("b1", "zb"));
    ClusterState state = ClusterState.of(twoZones).withPods(placed("w1", "a1", WEB), placed("w2", "b1", WEB));

    assertThat(PlacementExplainer.explain(pending(strict(spread(Topology.ZONE, 1, "DoNotSchedule", WEB)), WEB), state)
        .feasibleNodes()).containsExactly("a1", "b1");
    assertThat(PlacementExplainer.explain(pending(strict(spread(Topology.ZONE, 1, "DoNotSchedule", WEB).minDomains(3)), WEB), state)
        .feasibleNodes()).isEmpty();
  }

  @Test
  void nodesWithoutTheKeyAreUnresolvableAndNotADomain() {
    Fleet fleet = Fleet.of(node("a1", "za"), Node.named("bare").capacity("cpu", "4").capacity("pods", "10"));

    Explanation why = PlacementExplainer.explain(pending(strict(spread(Topology.ZONE, 1, "DoNotSchedule", WEB)), WEB), ClusterState.of(fleet));

    assertThat(why.verdict("bare").orElseThrow().schedulerReasons()).containsExactly(FilterReason.unresolvable(
        SchedulerPlugin.POD_TOPOLOGY_SPREAD, "node(s) didn't match pod topology spread constraints (missing required label)"));
  }

  @Test
  void nodeAffinityPolicyHonorLeavesNodesThePodCannotUseOutOfTheDomains() {
    Fleet fleet = Fleet.of(node("a1", "za").pool("gpu"), node("b1", "zb").pool("general"),
        node("b2", "zb").pool("general"));
    ClusterState state = ClusterState.of(fleet).withPods(placed("w1", "b1", WEB));
    V1PodSpec honor = strict(spread(Topology.ZONE, 1, "DoNotSchedule", WEB)).nodeSelector(Map.of("node-pool", "general"));
    V1PodSpec ignore = strict(spread(Topology.ZONE, 1, "DoNotSchedule", WEB).nodeAffinityPolicy("Ignore"))
        .nodeSelector(Map.of("node-pool", "general"));

    assertThat(PlacementExplainer.explain(pending(honor, WEB), state).feasibleNodes()).containsExactly("b1", "b2");
    assertThat(PlacementExplainer.explain(pending(ignore, WEB), state).feasibleNodes()).isEmpty();
  }

  @Test
  void nodeTaintsPolicyHonorLeavesTaintedNodesOutOfTheDomains() {
    Fleet fleet = Fleet.of(node("a1", "za").taint("gpu", "x", TaintEffect.NO_SCHEDULE),
        node("b1", "zb"));
    ClusterState state = ClusterState.of(fleet).withPods(placed("w1", "b1", WEB));

    assertThat(PlacementExplainer.explain(pending(strict(spread(Topology.ZONE, 1, "DoNotSchedule", WEB)), WEB), state)
        .feasibleNodes()).isEmpty();
    assertThat(PlacementExplainer.explain(pending(strict(spread(Topology.ZONE, 1, "DoNotSchedule", WEB).nodeTaintsPolicy("Honor")), WEB), state)
        .feasibleNodes()).containsExactly("b1");
  }

  @Test
  void matchLabelKeysCountOnlyPodsWithTheSameValue() {
    ClusterState state = ClusterState.of(threeZones())
        .withPods(placed("old1", "a1", Map.of("app", "web", "rev", "1")), placed("old2", "b1", Map.of("app", "web", "rev", "1")));
    V1PodSpec spec = strict(spread(Topology.ZONE, 1, "DoNotSchedule", WEB).matchLabelKeys(List.of("rev")));

    assertThat(PlacementExplainer.explain(pending(spec, Map.of("app", "web", "rev", "2")), state).feasibleNodes()).hasSize(4);
    assertThat(PlacementExplainer.explain(pending(spec, Map.of("app", "web", "rev", "1")), state).feasibleNodes()).containsExactly("c1");
  }

  @Test
  void scheduleAnywayScoresEmptierDomainsHigher() {
    ClusterState state = ClusterState.of(threeZones())
        .withPods(placed("w1", "a1", WEB), placed("w2", "a2", WEB), placed("w3", "b1", WEB));
    V1PodSpec spec = requesting("100m", "100Mi").topologySpreadConstraints(List.of(spread(Topology.ZONE, 1, "ScheduleAnyway", WEB)));

    Explanation why = PlacementExplainer.explain(pending(spec, WEB), state);

    // weight ln(3 + 2); raw round(2 * 1.609) = 3 for za, round(1.609) = 2 for zb, 0 for zc; 100 * (3 + 0 - s) / 3
    assertThat(why.scores()).extracting(s -> s.parts().get(SchedulerPlugin.POD_TOPOLOGY_SPREAD))
        .containsExactly(0L, 0L, 66L, 200L);
    assertThat(why.topNodes()).containsExactly("c1");
  }

  @Test
  void aPodWithoutConstraintsGetsTheSystemDefaultsWhenAWorkloadSelectsIt() {
    Fleet fleet = Fleet.of(node("a1", "za"), node("a2", "za"), node("b1", "zb"));
    ClusterState state = ClusterState.of(fleet).withPods(placed("w1", "a1", WEB), placed("w2", "a1", WEB));
    PendingPod pod = pending(Specs.plain(), WEB);

    assertThat(PlacementExplainer.explain(pod, state).scores())
        .extracting(s -> s.parts().get(SchedulerPlugin.POD_TOPOLOGY_SPREAD)).containsExactly(0L, 0L, 0L);
    // hostname: ln(3 + 2) per pod + maxSkew 3 - 1; zone: ln(2 + 2) per pod + 5 - 1 -> raw 12, 9, 6 -> 50, 75, 100
    assertThat(PlacementExplainer.explain(pod, state.withWorkloadSelector("default", WEB)).scores())
        .extracting(s -> s.parts().get(SchedulerPlugin.POD_TOPOLOGY_SPREAD)).containsExactly(100L, 150L, 200L);
    assertThat(PlacementExplainer.explain(pod, state.withWorkloadSelector("other", WEB)).scores())
        .extracting(s -> s.parts().get(SchedulerPlugin.POD_TOPOLOGY_SPREAD)).containsExactly(0L, 0L, 0L);
  }

  @Test
  void underTheSystemDefaultsANodeWithoutAZoneIsScoredByHostnameOnly() {
    Fleet fleet = Fleet.of(node("a1", "za"), Node.named("bare").capacity("cpu", "4")
        .capacity("memory", "16Gi").capacity("pods", "110"));
    ClusterState state = ClusterState.of(fleet).withPods(placed("w1", "a1", WEB)).withWorkloadSelector("default", WEB);

    Explanation why = PlacementExplainer.explain(pending(Specs.plain(), WEB), state);

    // hostname weight ln(2 + 2), zone weight ln(2 + 2) (za and the bare node's missing zone):
    // a1 round(1.386 + 2 + 1.386 + 4) = 9, bare round(0 + 2) = 2 -> 100 * (9 + 2 - s) / 9 = 22, 100
    assertThat(why.scores()).extracting(s -> s.parts().get(SchedulerPlugin.POD_TOPOLOGY_SPREAD)).containsExactly(44L, 200L);
  }
}

package dev.mizzen.scheduling.explain;

import static dev.mizzen.scheduling.explain.Specs.node;
import static dev.mizzen.scheduling.explain.Specs.pending;
import static dev.mizzen.scheduling.explain.Specs.placed;
import static dev.mizzen.scheduling.explain.Specs.podTerm;
import static dev.mizzen.scheduling.explain.Specs.requesting;
import static dev.mizzen.scheduling.explain.Specs.requiredPodAffinity;
import static dev.mizzen.scheduling.explain.Specs.requiredPodAntiAffinity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.scheduling.Topology;
import dev.mizzen.scheduling.fleet.Fleet;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** InterPodAffinity's filter (required terms) and its score. */
class InterPodAffinityTest {
  private static final Fleet FLEET = Fleet.of(node("a1", "za"), node("a2", "za"), node("b1", "zb"), node("c1", "zc"));

  @Test
  void affinityNeedsAMatchingPodInTheNodesDomain() {
    ClusterState state = ClusterState.of(FLEET).withPods(placed("cache", "a1", Map.of("app", "cache")));
    V1PodSpec spec = requesting("100m", null).affinity(requiredPodAffinity(podTerm(Topology.ZONE, Map.of("app", "cache"))));

    Explanation why = PlacementExplainer.explain(pending(spec, Map.of("app", "web")), state);

    assertThat(why.feasibleNodes()).containsExactly("a1", "a2");
    assertThat(why.reasonCounts()).containsExactly(Map.entry("node(s) didn't match pod affinity rules", 2));
  }

  @Test
  void theFirstPodOfASelfAffineGroupGoesAnywhereButNotAPodThatDoesNotMatchItself() {
    ClusterState empty = ClusterState.of(FLEET);
    V1PodSpec spec = requesting("100m", null).affinity(requiredPodAffinity(podTerm(Topology.ZONE, Map.of("app", "web"))));

    assertThat(PlacementExplainer.explain(pending(spec, Map.of("app", "web")), empty).feasibleNodes()).hasSize(4);
    assertThat(PlacementExplainer.explain(pending(spec, Map.of("app", "other")), empty).feasibleNodes()).isEmpty();
  }

  @Test
  void affinityOverAKeyNoNodeHasFailsEverywhere() {
    ClusterState state = ClusterState.of(FLEET).withPods(placed("cache", "a1", Map.of("app", "cache")));
    V1PodSpec spec = requesting("100m", null).affinity(requiredPodAffinity(podTerm("example.com/rack", Map.of("app", "cache"))));

    assertThat(PlacementExplainer.explain(pending(spec, Map.of("app", "cache")), state).feasibleNodes()).isEmpty();
  }

  @Test
  void antiAffinityKeepsThePodOutOfDomainsWithMatchingPods() {
    ClusterState state = ClusterState.of(FLEET).withPods(placed("web-1", "a1", Map.of("app", "web")));
    V1PodSpec spec = requesting("100m", null).affinity(requiredPodAntiAffinity(podTerm(Topology.ZONE, Map.of("app", "web"))));

    Explanation why = PlacementExplainer.explain(pending(spec, Map.of("app", "web")), state);

    assertThat(why.feasibleNodes()).containsExactly("b1", "c1");
    assertThat(why.verdict("a2").orElseThrow().schedulerReasons())
        .containsExactly(FilterReason.resolvable(SchedulerPlugin.INTER_POD_AFFINITY, "node(s) didn't match pod anti-affinity rules"));
  }

  @Test
  void anExistingPodsAntiAffinityRepelsTheIncomingPod() {
    V1PodSpec loner = Specs.plain().affinity(requiredPodAntiAffinity(podTerm(Topology.HOSTNAME, Map.of("app", "web"))));
    ClusterState state = ClusterState.of(FLEET).withPods(placed("loner", "b1", Map.of("app", "loner"), loner));

    Explanation why = PlacementExplainer.explain(pending(requesting("100m", null), Map.of("app", "web")), state);

    assertThat(why.feasibleNodes()).containsExactly("a1", "a2", "c1");
    assertThat(why.reasonCounts()).containsExactly(Map.entry("node(s) didn't satisfy existing pods anti-affinity rules", 1));
  }

  @Test
  void termsLookInTheirOwnNamespaceUnlessNamespacesOrASelectorSayOtherwise() {
    ClusterState state = ClusterState.of(FLEET)
        .withPods(PlacedPod.of("infra", "cache", Map.of("app", "cache"), "b1", Specs.plain()))
        .withNamespace("infra", Map.of("team", "platform"));
    var own = podTerm(Topology.ZONE, Map.of("app", "cache"));
    var listed = podTerm(Topology.ZONE, Map.of("app", "cache")).namespaces(List.of("infra"));
    var selected = podTerm(Topology.ZONE, Map.of("app", "cache"))
        .namespaceSelector(new V1LabelSelector().matchLabels(Map.of("team", "platform")));
    var all = podTerm(Topology.ZONE, Map.of("app", "cache")).namespaceSelector(new V1LabelSelector());

    assertThat(PlacementExplainer.explain(pending(requesting("1m", null).affinity(requiredPodAffinity(own))), state).feasibleNodes()).isEmpty();
    assertThat(PlacementExplainer.explain(pending(requesting("1m", null).affinity(requiredPodAffinity(listed))), state).feasibleNodes()).containsExactly("b1");
    assertThat(PlacementExplainer.explain(pending(requesting("1m", null).affinity(requiredPodAffinity(selected))), state).feasibleNodes()).containsExactly("b1");
    assertThat(PlacementExplainer.explain(pending(requesting("1m", null).affinity(requiredPodAffinity(all))), state).feasibleNodes()).containsExactly("b1");
  }

  @Test
  void matchLabelKeysNarrowTheSelectorToPodsSharingTheValue() {
    ClusterState state = ClusterState.of(FLEET)
        .withPods(placed("old", "a1", Map.of("app", "web", "rev", "1")), placed("new", "b1", Map.of("app", "web", "rev", "2")));
    var term = podTerm(Topology.HOSTNAME, Map.of("app", "web")).matchLabelKeys(List.of("rev"));
    var avoid = podTerm(Topology.HOSTNAME, Map.of("app", "web")).mismatchLabelKeys(List.of("rev"));

    assertThat(PlacementExplainer.explain(pending(requesting("1m", null).affinity(requiredPodAntiAffinity(term)),
        Map.of("app", "web", "rev", "2")), state).feasibleNodes()).containsExactly("a1", "a2", "c1");
    assertThat(PlacementExplainer.explain(pending(requesting("1m", null).affinity(requiredPodAntiAffinity(avoid)),
        Map.of("app", "web", "rev", "2")), state).feasibleNodes()).containsExactly("a2", "b1", "c1");
  }

  @Test
  void preferredTermsScoreDomainsLinearlyFromWorstToBest() {
    ClusterState state = ClusterState.of(FLEET)
        .withPods(placed("cache", "a1", Map.of("app", "cache")), placed("web", "b1", Map.of("app", "web")));
    var affinity = new io.kubernetes.client.openapi.models.V1Affinity()
        .podAffinity(new io.kubernetes.client.openapi.models.V1PodAffinity().addPreferredDuringSchedulingIgnoredDuringExecutionItem(
            new io.kubernetes.client.openapi.models.V1WeightedPodAffinityTerm().weight(80)
                .podAffinityTerm(podTerm(Topology.ZONE, Map.of("app", "cache")))))
        .podAntiAffinity(new io.kubernetes.client.openapi.models.V1PodAntiAffinity().addPreferredDuringSchedulingIgnoredDuringExecutionItem(
            new io.kubernetes.client.openapi.models.V1WeightedPodAffinityTerm().weight(20)
                .podAffinityTerm(podTerm(Topology.ZONE, Map.of("app", "web")))));

    Explanation why = PlacementExplainer.explain(pending(requesting("100m", "100Mi").affinity(affinity)), state);

    // raw: za 80, zb -20, zc 0 -> (s - min) * 100 / (max - min), times weight 2
    assertThat(why.scores()).extracting(s -> s.parts().get(SchedulerPlugin.INTER_POD_AFFINITY))
        .containsExactly(200L, 200L, 0L, 40L);
    assertThat(why.topNodes()).containsExactly("a2");
  }
}

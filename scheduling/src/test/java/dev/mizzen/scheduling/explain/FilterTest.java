package dev.mizzen.scheduling.explain;

import static dev.mizzen.scheduling.explain.Specs.node;
import static dev.mizzen.scheduling.explain.Specs.pending;
import static dev.mizzen.scheduling.explain.Specs.placed;
import static dev.mizzen.scheduling.explain.Specs.requirement;
import static dev.mizzen.scheduling.explain.Specs.requiredNodeTerms;
import static dev.mizzen.scheduling.explain.Specs.requesting;
import static dev.mizzen.scheduling.explain.Specs.tolerate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.fleet.Fleet;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Toleration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The node filters other than the inter-pod ones, each with cases from its upstream semantics. */
class FilterTest {

  private static List<String> reasons(Explanation why, String node) {
    return why.verdict(node).orElseThrow().schedulerReasons().stream().map(FilterReason::message).toList();
  }

  @Test
  void aCordonedNodeTakesOnlyPodsToleratingTheUnschedulableTaint() {
    ClusterState state = ClusterState.of(Fleet.of(node("a", "z1").unschedulable(true)));

    assertThat(reasons(PlacementExplainer.explain(pending(requesting("1", null)), state), "a"))
        .containsExactly("node(s) were unschedulable");
    V1PodSpec tolerant = requesting("1", null).tolerations(List.of(new V1Toleration()
        .key("node.kubernetes.io/unschedulable").operator("Exists").effect("NoSchedule")));
    assertThat(PlacementExplainer.explain(pending(tolerant), state).feasibleNodes()).containsExactly("a");
  }

  @Test
  void nodeNameAdmitsOnlyThatNode() {
    ClusterState state = ClusterState.of(Fleet.of(node("a", "z1"), node("b", "z1")));

    Explanation why = PlacementExplainer.explain(pending(requesting("1", null).nodeName("b")), state);

    assertThat(why.feasibleNodes()).containsExactly("b");
    assertThat(reasons(why, "a")).containsExactly("node(s) didn't match the requested node name");
  }

  @Test
  void theFirstUntoleratedHardTaintIsTheReasonAndPreferNoScheduleNeverFilters() {
    ClusterState state = ClusterState.of(Fleet.of(node("a", "z1").taint("soft", "x", TaintEffect.PREFER_NO_SCHEDULE)
            .taint("gpu", "present", TaintEffect.NO_SCHEDULE).taint("evict", "", TaintEffect.NO_EXECUTE)));

    assertThat(reasons(PlacementExplainer.explain(pending(requesting("1", null)), state), "a"))
        .containsExactly("node(s) had untolerated taint {gpu: present}");
    V1PodSpec gpu = requesting("1", null).tolerations(List.of(tolerate("gpu", "present", TaintEffect.NO_SCHEDULE)));
    assertThat(reasons(PlacementExplainer.explain(pending(gpu), state), "a"))
        .containsExactly("node(s) had untolerated taint {evict: }");
    V1PodSpec all = requesting("1", null).tolerations(List.of(new V1Toleration().operator("Exists")));
    assertThat(PlacementExplainer.explain(pending(all), state).feasibleNodes()).containsExactly("a");
  }

  @Test
  void aTolerationWithAnotherEffectOrValueDoesNotTolerate() {
    ClusterState state = ClusterState.of(Fleet.of(node("a", "z1").taint("k", "v", TaintEffect.NO_SCHEDULE)));

    V1PodSpec wrongEffect = requesting("1", null).tolerations(List.of(tolerate("k", "v", TaintEffect.NO_EXECUTE)));
    V1PodSpec wrongValue = requesting("1", null).tolerations(List.of(tolerate("k", "w", null)));
    V1PodSpec anyEffect = requesting("1", null).tolerations(List.of(tolerate("k", "v", null)));

    assertThat(PlacementExplainer.explain(pending(wrongEffect), state).schedulable()).isFalse();
    assertThat(PlacementExplainer.explain(pending(wrongValue), state).schedulable()).isFalse();
    assertThat(PlacementExplainer.explain(pending(anyEffect), state).schedulable()).isTrue();
  }

  @Test
  void nodeSelectorAndRequiredTermsBothHoldTermsAreOredAndAnEmptyTermMatchesNothing() {
    ClusterState state = ClusterState.of(Fleet.of(node("a", "z1").pool("general").label("gen", "3"),
        node("b", "z2").pool("gpu").label("gen", "5"),
        node("c", "z3").pool("batch")));

    V1PodSpec spec = requesting("1", null).nodeSelector(Map.of("topology.kubernetes.io/zone", "z2"))
        .affinity(requiredNodeTerms(
            new V1NodeSelectorTerm().addMatchExpressionsItem(requirement("node-pool", "In", "general")),
            new V1NodeSelectorTerm().addMatchExpressionsItem(requirement("gen", "Gt", "4"))));
    assertThat(PlacementExplainer.explain(pending(spec), state).feasibleNodes()).containsExactly("b");

    V1PodSpec notIn = requesting("1", null).affinity(requiredNodeTerms(
        new V1NodeSelectorTerm().addMatchExpressionsItem(requirement("node-pool", "NotIn", "gpu"))
            .addMatchExpressionsItem(requirement("gen", "DoesNotExist"))));
    assertThat(PlacementExplainer.explain(pending(notIn), state).feasibleNodes()).containsExactly("c");

    Explanation empty = PlacementExplainer.explain(pending(requesting("1", null).affinity(requiredNodeTerms(new V1NodeSelectorTerm()))), state);
    assertThat(empty.feasibleNodes()).isEmpty();
    assertThat(reasons(empty, "a")).containsExactly("node(s) didn't match Pod's node affinity/selector");
  }

  @Test
  void metadataNameFieldsNarrowTheNodesBeforeFiltering() {
    ClusterState state = ClusterState.of(Fleet.of(node("a", "z1"), node("b", "z1"), node("c", "z1")));
    V1PodSpec spec = requesting("100", null).affinity(requiredNodeTerms(
        new V1NodeSelectorTerm().addMatchFieldsItem(requirement("metadata.name", "In", "b"))));

    Explanation why = PlacementExplainer.explain(pending(spec), state);

    assertThat(reasons(why, "a")).containsExactly("node(s) didn't satisfy plugin(s) [NodeAffinity]");
    assertThat(reasons(why, "b")).containsExactly("Insufficient cpu");
    assertThat(why.failedSchedulingMessage()).contains("0/3 nodes are available: 1 Insufficient cpu, "
        + "2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: "
        + "1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.");
  }

  @Test
  void hostPortsConflictByProtocolPortAndOverlappingAddress() {
    ClusterState state = ClusterState.of(Fleet.of(node("a", "z1"), node("b", "z1")))
        .withPods(placed("web", "a", Map.of(), Specs.plain().containers(List.of(new io.kubernetes.client.openapi.models.V1Container()
            .name("c").addPortsItem(new V1ContainerPort().containerPort(80).hostPort(8080).hostIP("10.0.0.1"))))));

    V1PodSpec anyAddress = new V1PodSpec().addContainersItem(new io.kubernetes.client.openapi.models.V1Container()
        .name("c").addPortsItem(new V1ContainerPort().containerPort(80).hostPort(8080)));
    V1PodSpec otherAddress = new V1PodSpec().addContainersItem(new io.kubernetes.client.openapi.models.V1Container()
        .name("c").addPortsItem(new V1ContainerPort().containerPort(80).hostPort(8080).hostIP("10.0.0.2")));
    V1PodSpec udp = new V1PodSpec().addContainersItem(new io.kubernetes.client.openapi.models.V1Container()
        .name("c").addPortsItem(new V1ContainerPort().containerPort(80).hostPort(8080).protocol("UDP")));

    assertThat(reasons(PlacementExplainer.explain(pending(anyAddress), state), "a"))
        .containsExactly("node(s) didn't have free ports for the requested pod ports");
    assertThat(PlacementExplainer.explain(pending(otherAddress), state).feasibleNodes()).containsExactly("a", "b");
    assertThat(PlacementExplainer.explain(pending(udp), state).feasibleNodes()).containsExactly("a", "b");
  }

  @Test
  void resourcesFitReportsEveryShortfallAndTooManyPods() {
    ClusterState state = ClusterState.of(Fleet.of(node("a", "z1", "4", "16Gi", "1"),
        node("b", "z1").capacity("nvidia.com/gpu", "1"))).withPods(placed("p", "a", Map.of(), requesting("3", "8Gi")), placed("q", "b", Map.of(), requesting("3", null)));

    V1PodSpec spec = new V1PodSpec().addContainersItem(Specs.container("main",
        Map.of("cpu", "2", "memory", "10Gi", "nvidia.com/gpu", "2", "ephemeral-storage", "1Gi")));
    Explanation why = PlacementExplainer.explain(pending(spec), state);

    assertThat(reasons(why, "a")).containsExactly("Too many pods", "Insufficient cpu", "Insufficient memory",
        "Insufficient ephemeral-storage", "Insufficient nvidia.com/gpu");
    assertThat(reasons(why, "b")).containsExactly("Insufficient cpu", "Insufficient ephemeral-storage", "Insufficient nvidia.com/gpu");
  }

  @Test
  void aPodRequestingNothingOnlyNeedsRoomForOneMorePod() {
    ClusterState state = ClusterState.of(Fleet.of(node("a", "z1", "0", "16Gi", "110")));

    assertThat(PlacementExplainer.explain(pending(Specs.plain()), state).feasibleNodes()).containsExactly("a");
  }

  @Test
  void everyReasonIsKeptThoughTheSchedulerStopsAtTheFirstFailingPlugin() {
    ClusterState state = ClusterState.of(Fleet.of(node("a", "z1").taint("k", "v", TaintEffect.NO_SCHEDULE)));

    NodeVerdict verdict = PlacementExplainer.explain(pending(requesting("8", null).nodeSelector(Map.of("x", "y"))), state)
        .verdict("a").orElseThrow();

    assertThat(verdict.schedulerReasons()).extracting(FilterReason::plugin).containsExactly(SchedulerPlugin.TAINT_TOLERATION);
    assertThat(verdict.reasons()).extracting(FilterReason::plugin).containsExactly(
        SchedulerPlugin.TAINT_TOLERATION, SchedulerPlugin.NODE_AFFINITY, SchedulerPlugin.NODE_RESOURCES_FIT);
    assertThat(verdict).hasToString("Node/a: node(s) had untolerated taint {k: v}; "
        + "node(s) didn't match Pod's node affinity/selector; Insufficient cpu");
  }
}

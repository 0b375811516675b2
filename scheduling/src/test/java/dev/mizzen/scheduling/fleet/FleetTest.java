package dev.mizzen.scheduling.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.scheduling.Taint;
import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.Topology;
import dev.mizzen.validation.InvalidSpecException;
import io.kubernetes.client.openapi.models.V1Node;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetTest {
  private static final List<String> ZONES = List.of("zone-a", "zone-b");
  private static final List<String> POOLS = List.of("general", "gpu");

  private static Fleet grid() {
    return Fleet.grid(ZONES, POOLS, 2, (node, zone, pool) -> {
      node.capacity("cpu", "4").capacity("memory", "16Gi").capacity("pods", "110");
      if (pool.equals("gpu")) {
        node.capacity("nvidia.com/gpu", "1").taint("nvidia.com/gpu", "present", TaintEffect.NO_SCHEDULE);
      }
    });
  }

  @Test
  void gridMakesNodesPerZoneAndPoolNamedAndLabelled() {
    Fleet fleet = grid();
    assertThat(fleet.nodes()).extracting(Node::name).containsExactly(
        "general-zone-a-1", "general-zone-a-2", "general-zone-b-1", "general-zone-b-2",
        "gpu-zone-a-1", "gpu-zone-a-2", "gpu-zone-b-1", "gpu-zone-b-2");
    Node node = fleet.node("gpu-zone-b-1").orElseThrow();
    assertThat(node.labels()).containsExactly(
        java.util.Map.entry(Topology.ZONE, "zone-b"), java.util.Map.entry(Node.POOL_LABEL, "gpu"));
    assertThat(node.taints()).containsExactly(Taint.of("nvidia.com/gpu", "present", TaintEffect.NO_SCHEDULE));
    assertThat(node.capacity()).containsEntry("nvidia.com/gpu", "1").containsEntry("cpu", "4");
    assertThat(fleet.node("general-zone-a-1").orElseThrow().taints()).isEmpty();
  }

  @Test
  void nodesCanBeFoundByLabel() {
    Fleet fleet = grid();
    assertThat(fleet.nodesLabelled(Node.POOL_LABEL, "gpu")).hasSize(4);
    assertThat(fleet.nodesLabelled(Topology.ZONE, "zone-a")).extracting(Node::name).containsExactly(
        "general-zone-a-1", "general-zone-a-2", "gpu-zone-a-1", "gpu-zone-a-2");
    assertThat(fleet.nodesLabelled(Topology.HOSTNAME, "gpu-zone-b-2")).hasSize(1);
    assertThat(fleet.node("missing")).isEmpty();
  }

  @Test
  void rendersEveryNodeInOrder() {
    List<V1Node> nodes = grid().toV1Nodes();
    assertThat(nodes).hasSize(8);
    assertThat(nodes.get(0)).isEqualTo(grid().nodes().get(0).toV1Node());
    assertThat(nodes.get(7).getMetadata().getName()).isEqualTo("gpu-zone-b-2");
  }

  @Test
  void singleNodesAndGridsCombine() {
    Fleet fleet = Fleet.node(Node.named("big-1").zone("zone-a").pool("big").capacity("cpu", "64"))
        .grid(ZONES, List.of("general"), 1, (node, zone, pool) -> node.capacity("cpu", "2"))
        .node(Node.named("cordoned-1").unschedulable(true).build())
        .build();
    assertThat(fleet.nodes()).extracting(Node::name)
        .containsExactly("big-1", "general-zone-a-1", "general-zone-b-1", "cordoned-1");
  }

  @Test
  void nodeNamesMustBeUnique() {
    assertThatThrownBy(() -> Fleet.of(Node.named("a"), Node.named("a")))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("1 problem\n  fleet: nodes[a]: duplicate node name 'a': node names must be unique");
  }

  @Test
  void invalidGridNodesFailWithTheirOwnProblems() {
    assertThatThrownBy(() -> Fleet.grid(List.of("Zone A"), POOLS, 1, (node, zone, pool) -> { }))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("Node/general-Zone A-1: metadata.name: must be a lowercase RFC 1123 subdomain")
        .hasMessageContaining("Node/general-Zone A-1: metadata.labels[topology.kubernetes.io/zone]: label value 'Zone A'");
  }

  @Test
  void aNegativeCellSizeIsRefused() {
    assertThatThrownBy(() -> Fleet.grid(ZONES, POOLS, -1, (node, zone, pool) -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nodesPerCell must be >= 0, was -1");
  }

  @Test
  void fleetsStartWithTheirNodesOrNone() {
    Node a = Node.named("a").zone("zone-a").build();
    assertThat(Fleet.of(a, Node.named("b").build()).nodes()).extracting(Node::name).containsExactly("a", "b");
    assertThat(Fleet.of(Node.named("a"), Node.named("b")).nodes()).extracting(Node::name).containsExactly("a", "b");
    assertThat(Fleet.of(List.of(a)).nodes()).containsExactly(a);
    assertThat(Fleet.none().nodes()).isEmpty();
    assertThat(Fleet.node(a).node(Node.named("b")).nodes(Node.named("c").build(), Node.named("d").build())
            .nodes(List.of(Node.named("e").build())).build().nodes())
        .extracting(Node::name).containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void nodesAddTaintsOneWay() {
    Node node = Node.named("gpu-1")
        .taint("nvidia.com/gpu", "present", TaintEffect.NO_SCHEDULE)
        .taint(Taint.of("spot", "true", TaintEffect.PREFER_NO_SCHEDULE))
        .taints(Taint.of("a", "b", TaintEffect.NO_EXECUTE))
        .build();
    assertThat(node.taints()).extracting(Taint::key).containsExactly("nvidia.com/gpu", "spot", "a");
  }
}

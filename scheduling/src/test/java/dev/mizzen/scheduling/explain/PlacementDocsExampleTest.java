package dev.mizzen.scheduling.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.fleet.Fleet;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Toleration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outputs docs/placement.md shows for the explainer, computed here so the page stays true. */
class PlacementDocsExampleTest {
  private static final Fleet FLEET = Fleet.grid(List.of("zone-a", "zone-b", "zone-c"), List.of("general", "gpu"), 1,
      (node, zone, pool) -> {
        node.capacity("cpu", "8").capacity("memory", "32Gi").capacity("pods", "110");
        if (pool.equals("gpu")) {
          node.capacity("nvidia.com/gpu", "4").taint("nvidia.com/gpu", "present", TaintEffect.NO_SCHEDULE);
        }
      });

  private static V1PodSpec requesting(String cpu) {
    return new V1PodSpec().addContainersItem(new V1Container().name("train").image("ghcr.io/acme/train:1")
        .resources(new V1ResourceRequirements().putRequestsItem("cpu", Quantity.fromString(cpu))));
  }

  @Test
  void theDecoderExample() {
    Explanation why = PlacementExplainer.explain(PendingPod.of("ml", "train-0", Map.of("app", "train"), requesting("12")),
        ClusterState.of(FLEET));

    assertThat(why.failedSchedulingMessage()).contains("0/6 nodes are available: 3 Insufficient cpu, "
        + "3 node(s) had untolerated taint {nvidia.com/gpu: present}. preemption: 0/6 nodes are available: "
        + "3 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.");
    assertThat(why.verdict("gpu-zone-a-1").orElseThrow())
        .hasToString("Node/gpu-zone-a-1: node(s) had untolerated taint {nvidia.com/gpu: present}; Insufficient cpu");
  }

  @Test
  void theScoresAndReplicasExample() {
    V1PodSpec spec = requesting("2").tolerations(List.of(new V1Toleration().key("nvidia.com/gpu").operator("Exists")));
    PendingPod pod = PendingPod.of("ml", "train", Map.of("app", "train"), spec);
    ClusterState state = ClusterState.of(FLEET).withPods(pod.named("train-a").placedOn("general-zone-a-1"));

    Explanation why = PlacementExplainer.explain(pod, state);
    ReplicaPlacement replicas = PlacementExplainer.placeReplicas(pod, 6, ClusterState.of(FLEET));

    assertThat(why.topNodes()).containsExactly("general-zone-b-1", "general-zone-c-1", "gpu-zone-a-1", "gpu-zone-b-1", "gpu-zone-c-1");
    assertThat(why.scores().get(0)).hasToString("Node/general-zone-a-1: 449 (TaintToleration 300, NodeAffinity 0, "
        + "NodeResourcesFit 74, PodTopologySpread 0, InterPodAffinity 0, NodeResourcesBalancedAllocation 75)");
    assertThat(replicas).hasToString("6 placed {general-zone-a-1=1, general-zone-b-1=1, general-zone-c-1=1, gpu-zone-a-1=1, "
        + "gpu-zone-b-1=1, gpu-zone-c-1=1}, per zone {zone-a=2, zone-b=2, zone-c=2}, 0 pending");
  }
}

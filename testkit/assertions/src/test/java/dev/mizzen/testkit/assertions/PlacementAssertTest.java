package dev.mizzen.testkit.assertions;

import static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.explain.ClusterState;
import dev.mizzen.scheduling.explain.PendingPod;
import dev.mizzen.scheduling.explain.PlacementExplainer;
import dev.mizzen.scheduling.fleet.Fleet;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementAssertTest {
  private static final ClusterState STANDARD = ClusterState.of(Fleet.grid(List.of("zone-a", "zone-b", "zone-c"),
      List.of("general", "gpu"), 1, (node, zone, pool) -> {
        node.capacity("cpu", "8").capacity("memory", "32Gi").capacity("pods", "110");
        if (pool.equals("gpu")) {
          node.capacity("nvidia.com/gpu", "4").taint("nvidia.com/gpu", "present", TaintEffect.NO_SCHEDULE);
        }
      }));

  private static PendingPod pod(String cpu, String gpus) {
    V1ResourceRequirements resources = new V1ResourceRequirements().putRequestsItem("cpu", Quantity.fromString(cpu));
    V1PodSpec spec = new V1PodSpec().addContainersItem(new V1Container().name("main").image("img").resources(resources));
    if (gpus != null) {
      resources.putRequestsItem("nvidia.com/gpu", Quantity.fromString(gpus)).putLimitsItem("nvidia.com/gpu", Quantity.fromString(gpus));
      spec.addTolerationsItem(new V1Toleration().key("nvidia.com/gpu").operator("Exists"));
    }
    return PendingPod.of("ml", "train-0", Map.of("app", "train"), spec);
  }

  @Test
  void aGpuPodLandsOnlyOnTheGpuPool() {
    assertThat(PlacementExplainer.explain(pod("1", "1"), STANDARD))
        .isSchedulable()
        .landsOnlyOnNodesLabelled("node-pool", "gpu")
        .landsOnlyOn("gpu-zone-a-1", "gpu-zone-b-1", "gpu-zone-c-1");
  }

  @Test
  void aPodThatFitsElsewhereFailsLandsOnlyOnNamingTheOtherNodes() {
    assertThatThrownBy(() -> assertThat(PlacementExplainer.explain(pod("1", null), STANDARD))
        .landsOnlyOnNodesLabelled("node-pool", "gpu"))
        .hasMessage("Pod/ml/train-0: expected the pod to land only on nodes labelled node-pool=gpu, but it also fits on "
            + "Node/general-zone-a-1 (node-pool=general), Node/general-zone-b-1 (node-pool=general), "
            + "Node/general-zone-c-1 (node-pool=general)");
  }

  @Test
  void anOversizedPodCannotBeScheduledAndSaysWhy() {
    assertThat(PlacementExplainer.explain(pod("12", null), STANDARD))
        .cannotBeScheduled()
        .cannotBeScheduledBecause("Insufficient cpu", "node(s) had untolerated taint {nvidia.com/gpu: present}")
        .rejects("gpu-zone-a-1", "Insufficient cpu")
        .hasFailedSchedulingMessage("0/6 nodes are available: 3 Insufficient cpu, 3 node(s) had untolerated taint "
            + "{nvidia.com/gpu: present}. preemption: 0/6 nodes are available: 3 No preemption victims found for "
            + "incoming pod, 3 Preemption is not helpful for scheduling.");

    assertThatThrownBy(() -> assertThat(PlacementExplainer.explain(pod("12", null), STANDARD))
        .cannotBeScheduledBecause("Insufficient memory"))
        .hasMessageStartingWith("Pod/ml/train-0: expected the reasons [\"Insufficient memory\"], but kube-scheduler would say: 0/6");
    assertThatThrownBy(() -> assertThat(PlacementExplainer.explain(pod("1", null), STANDARD)).cannotBeScheduled())
        .hasMessage("Pod/ml/train-0: expected the pod to be unschedulable, but it fits on "
            + "[general-zone-a-1, general-zone-b-1, general-zone-c-1]");
  }

  @Test
  void replicasSpreadEvenlyOverZonesOrNot() {
    PendingPod spread = pod("1", null);
    spread.spec().topologySpreadConstraints(List.of(new V1TopologySpreadConstraint().topologyKey("topology.kubernetes.io/zone")
        .maxSkew(1).whenUnsatisfiable("DoNotSchedule").labelSelector(new V1LabelSelector().matchLabels(Map.of("app", "train")))));

    assertThat(PlacementExplainer.placeReplicas(spread, 6, STANDARD)).placesAll().spreadsEvenlyOverZones();
    assertThat(PlacementExplainer.placeReplicas(pod("6", null), 5, STANDARD)).hasPending(2);
    assertThatThrownBy(() -> assertThat(PlacementExplainer.placeReplicas(pod("6", null), 5, STANDARD)).placesAll())
        .hasMessageStartingWith("Replicas: expected every replica to find a node, but 2 stay Pending: 0/6 nodes are available");
    var oneZone = pod("1", null);
    oneZone.spec().nodeSelector(Map.of("topology.kubernetes.io/zone", "zone-a"));
    assertThatThrownBy(() -> assertThat(PlacementExplainer.placeReplicas(oneZone, 2, STANDARD)).spreadsEvenlyOverZones())
        .hasMessage("Replicas: expected the replicas spread evenly over topology.kubernetes.io/zone, but they are "
            + "{zone-a=2, zone-b=0, zone-c=0}");
  }
}

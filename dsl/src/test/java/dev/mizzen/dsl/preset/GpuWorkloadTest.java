package dev.mizzen.dsl.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.DeploymentStrategy;
import dev.mizzen.scheduling.Placement;
import dev.mizzen.scheduling.explain.ClusterState;
import dev.mizzen.scheduling.explain.Explanation;
import dev.mizzen.scheduling.explain.PlacementExplainer;
import dev.mizzen.scheduling.explain.ReplicaPlacement;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Toleration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuWorkloadTest {
  private static final GpuWorkload GPU = Presets.gpus(1);

  private static Deployment llm(GpuWorkload gpu, Placement.Builder placement, int replicas) {
    return llm(gpu, placement.build(), replicas);
  }

  private static Deployment llm(GpuWorkload gpu, Placement placement, int replicas) {
    return gpu.deployment("llm", replicas)
        .pod(PodTemplate.container(Container.named("llm").image("ghcr.io/acme/llm:2.1.0")
                .resources(gpu.resources(Cpu.cores(4), Memory.gibibytes(16))))
            .placement(placement))
        .build();
  }

  @Test
  void itAsksForTheGpusToleratesTheTaintAndRequiresTheGpuPool() {
    V1Deployment rendered = llm(GPU, GPU.placement(), 1).render();
    V1PodSpec spec = rendered.getSpec().getTemplate().getSpec();
    V1Container container = spec.getContainers().get(0);

    assertThat(container.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
    assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("4"))
        .containsEntry("memory", new Quantity("16Gi"));
    assertThat(spec.getTolerations()).containsExactly(
        new V1Toleration().key("nvidia.com/gpu").operator("Exists").effect("NoSchedule"));
    assertThat(spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms().get(0).getMatchExpressions().get(0))
        .satisfies(r -> {
          assertThat(r.getKey()).isEqualTo("node-pool");
          assertThat(r.getOperator()).isEqualTo("In");
          assertThat(r.getValues()).containsExactly("gpu");
        });
  }

  @Test
  void itLandsOnlyOnGpuNodes() {
    ClusterState state = ClusterState.of(Fleets.standard());

    Explanation one = PlacementExplainer.explain(Fleets.pod(llm(GPU, GPU.placement(), 1)), state);
    ReplicaPlacement six = PlacementExplainer.placeReplicas(Fleets.pod(llm(Presets.gpus(2), Presets.gpus(2).placement(), 6)),
        6, state);

    assertThat(one.feasibleNodes()).containsExactly("gpu-zone-a-1", "gpu-zone-b-1", "gpu-zone-c-1");
    assertThat(one.verdict("general-zone-a-1")).hasValueSatisfying(v -> assertThat(v.toString()).isEqualTo(
        "Node/general-zone-a-1: node(s) didn't match Pod's node affinity/selector; Insufficient nvidia.com/gpu"));
    assertThat(six.pending()).isZero();
    assertThat(six.perNode()).containsExactly(
        Map.entry("gpu-zone-a-1", 2), Map.entry("gpu-zone-b-1", 2), Map.entry("gpu-zone-c-1", 2));
  }

  @Test
  void withoutItsPlacementTheTaintKeepsThePodOff() {
    Explanation why = PlacementExplainer.explain(Fleets.pod(llm(GPU, Placement.none(), 1)),
        ClusterState.of(Fleets.standard()));

    assertThat(why.failedSchedulingMessage()).hasValue("0/6 nodes are available: 3 Insufficient nvidia.com/gpu,"
        + " 3 node(s) had untolerated taint {nvidia.com/gpu: present}. preemption: 0/6 nodes are available:"
        + " 3 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.");
  }

  @Test
  void theGpusPerPodAreCountedOnTheNodes() {
    GpuWorkload four = Presets.gpus(4);

    ReplicaPlacement placement = PlacementExplainer.placeReplicas(Fleets.pod(llm(four, four.placement(), 4)), 4,
        ClusterState.of(Fleets.standard()));

    assertThat(placement.placed()).hasSize(3);                       // 4 GPUs per node, one pod each
    assertThat(placement.pending()).isEqualTo(1);
  }

  @Test
  void aSingleReplicaIsRecreatedAndMoreNeverSurge() {
    assertThat(llm(GPU, GPU.placement(), 1).strategy()).hasValue(DeploymentStrategy.recreate());
    assertThat(llm(GPU, GPU.placement(), 1).replicas()).hasValue(1);
    V1Deployment three = llm(GPU, GPU.placement(), 3).render();
    assertThat(three.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(three.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntValue()).isZero();
    assertThat(three.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntValue()).isEqualTo(1);
  }

  @Test
  void anotherNodeLabel() {
    GpuWorkload l4 = Presets.gpus(1).onNodesLabelled("cloud.google.com/gke-accelerator", "nvidia-l4");

    V1PodSpec spec = llm(l4, l4.placement(), 1).render().getSpec().getTemplate().getSpec();

    assertThat(spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms().get(0).getMatchExpressions().get(0).getKey()).isEqualTo("cloud.google.com/gke-accelerator");
    assertThat(l4).hasToString("1 nvidia.com/gpu on cloud.google.com/gke-accelerator=nvidia-l4");
  }

  @Test
  void badCountsAreRefused() {
    assertThatThrownBy(() -> Presets.gpus(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a GPU workload needs at least 1 nvidia.com/gpu per pod, was 0");
    assertThatThrownBy(() -> GPU.deployment("llm", 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a GPU Deployment needs at least 1 replica, was 0");
  }
}

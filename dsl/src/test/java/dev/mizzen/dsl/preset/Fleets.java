package dev.mizzen.dsl.preset;

import dev.mizzen.dsl.workload.Workload;
import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.explain.PendingPod;
import dev.mizzen.scheduling.fleet.Fleet;
import dev.mizzen.scheduling.fleet.Node;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.util.ArrayList;
import java.util.List;

/** Fleets for the presets' placement tests, and a workload's pod as the explainer takes it. */
final class Fleets {
  static final List<String> ZONES = List.of("zone-a", "zone-b", "zone-c");

  private Fleets() {}

  /**
   * The standard test fleet (as testkit-cluster's TestFleet.standard()): a general and a gpu node
   * in each of 3 zones, 8 CPUs, 32Gi; the gpu nodes tainted nvidia.com/gpu=present:NoSchedule with
   * 4 nvidia.com/gpu.
   */
  static Fleet standard() {
    return Fleet.grid(ZONES, List.of("general", "gpu"), 1, (node, zone, pool) -> {
      node.capacity("cpu", "8").capacity("memory", "32Gi").capacity("pods", "110");
      if (pool.equals("gpu")) {
        node.capacity("nvidia.com/gpu", "4").taint("nvidia.com/gpu", "present", TaintEffect.NO_SCHEDULE);
      }
    });
  }

  /** {@code perZone} general nodes in each of 3 zones, 4 CPUs and 16Gi each, then {@code more}. */
  static Fleet zones(int perZone, Node.Builder... more) {
    List<Node> nodes = new ArrayList<>(Fleet.grid(ZONES, List.of("general"), perZone,
        (node, zone, pool) -> node.capacity("cpu", "4").capacity("memory", "16Gi").capacity("pods", "110")).nodes());
    for (Node.Builder node : more) {
      nodes.add(node.build());
    }
    return Fleet.of(nodes);
  }

  /** A general node named {@code name} in {@code zone}, with {@code cpus} CPUs. */
  static Node node(String name, String zone, String cpus) {
    return Node.named(name).zone(zone).pool("general")
        .capacity("cpu", cpus).capacity("memory", "16Gi").capacity("pods", "110").build();
  }

  /** The pod of {@code workload}, rendered in namespace {@code shop}, as the explainer takes it. */
  static PendingPod pod(Workload workload) {
    KubernetesObject rendered = workload.render();
    V1PodTemplateSpec template;
    if (rendered instanceof V1Deployment deployment) {
      template = deployment.getSpec().getTemplate();
    } else if (rendered instanceof V1StatefulSet statefulSet) {
      template = statefulSet.getSpec().getTemplate();
    } else {
      throw new IllegalArgumentException("not a Deployment or StatefulSet: " + rendered.getKind());
    }
    return PendingPod.fromTemplate("shop", workload.name(), template);
  }
}

package dev.mizzen.testkit.cluster;

import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.fleet.Fleet;
import io.kubernetes.client.openapi.models.V1Node;
import java.util.List;

/**
 * Fleets for a {@link LocalCluster}. Nodes are described with the scheduling module's
 * {@link Fleet} and {@link dev.mizzen.scheduling.fleet.Node}; the cluster hands each to kwok.
 */
public final class TestFleet {

  /** The annotation that hands a node to kwok. */
  public static final String KWOK_NODE_ANNOTATION = "kwok.x-k8s.io/node";

  private TestFleet() {}

  /**
   * The standard test fleet: 3 zones ({@code zone-a}, {@code zone-b}, {@code zone-c}, label
   * {@code topology.kubernetes.io/zone}) times 2 pools (label {@code node-pool}): {@code general},
   * and {@code gpu}, tainted {@code nvidia.com/gpu=present:NoSchedule} and offering 4
   * {@code nvidia.com/gpu}. Six nodes named {@code <pool>-<zone>-1}, each with 8 CPUs, 32Gi of
   * memory and room for 110 pods.
   */
  public static Fleet standard() {
    return Fleet.grid(List.of("zone-a", "zone-b", "zone-c"), List.of("general", "gpu"), 1, (node, zone, pool) -> {
      node.capacity("cpu", "8").capacity("memory", "32Gi").capacity("pods", "110")
          .label("kubernetes.io/os", "linux").label("kubernetes.io/arch", "amd64");
      if (pool.equals("gpu")) {
        node.capacity("nvidia.com/gpu", "4").taint("nvidia.com/gpu", "present", TaintEffect.NO_SCHEDULE);
      }
    });
  }

  /** The client-java nodes of {@code fleet}, each annotated for kwok. */
  public static List<V1Node> kwokNodes(Fleet fleet) {
    List<V1Node> nodes = fleet.toV1Nodes();
    for (V1Node node : nodes) {
      node.getMetadata().putAnnotationsItem(KWOK_NODE_ANNOTATION, "fake");
    }
    return nodes;
  }
}

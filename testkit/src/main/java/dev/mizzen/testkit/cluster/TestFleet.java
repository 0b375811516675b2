package dev.mizzen.testkit.cluster;

import com.google.common.collect.ImmutableList;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeSpec;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Taint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated nodes of a {@link LocalCluster}. The {@linkplain #standard() standard fleet}
 * is 3 zones ({@code zone-a}, {@code zone-b}, {@code zone-c}, label
 * {@code topology.kubernetes.io/zone}) times 2 pools (label {@code node-pool}): {@code general},
 * and {@code gpu}, tainted {@code nvidia.com/gpu=present:NoSchedule} and offering 4
 * {@code nvidia.com/gpu}.
 */
public record TestFleet(List<V1Node> nodes) {

  /** The annotation that hands a node to kwok. */
  public static final String KWOK_NODE_ANNOTATION = "kwok.x-k8s.io/node";

  public TestFleet {
    nodes = ImmutableList.copyOf(nodes);
  }

  /** 3 zones x (general, gpu): six nodes named {@code zone-a-general}, {@code zone-a-gpu}, ... */
  public static TestFleet standard() {
    ImmutableList.Builder<V1Node> nodes = ImmutableList.builder();
    for (String zone : List.of("zone-a", "zone-b", "zone-c")) {
      nodes.add(node(zone + "-general", zone, "general", Map.of(), List.of()));
      nodes.add(node(zone + "-gpu", zone, "gpu", Map.of("nvidia.com/gpu", "4"),
          List.of(new V1Taint().key("nvidia.com/gpu").value("present").effect("NoSchedule"))));
    }
    return new TestFleet(nodes.build());
  }

  /** A kwok node with the usual well-known labels, 8 CPUs, 32Gi of memory, 110 pods, plus {@code extra} capacity. */
  public static V1Node node(String name, String zone, String pool, Map<String, String> extra, List<V1Taint> taints) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/hostname", name);
    labels.put("kubernetes.io/os", "linux");
    labels.put("kubernetes.io/arch", "amd64");
    labels.put("topology.kubernetes.io/zone", zone);
    labels.put("node-pool", pool);
    labels.put("type", "kwok");
    Map<String, Quantity> capacity = new LinkedHashMap<>();
    capacity.put("cpu", Quantity.fromString("8"));
    capacity.put("memory", Quantity.fromString("32Gi"));
    capacity.put("pods", Quantity.fromString("110"));
    extra.forEach((resource, amount) -> capacity.put(resource, Quantity.fromString(amount)));
    return new V1Node()
        .apiVersion("v1")
        .kind("Node")
        .metadata(new V1ObjectMeta().name(name).labels(labels)
            .annotations(Map.of(KWOK_NODE_ANNOTATION, "fake")))
        .spec(new V1NodeSpec().taints(taints.isEmpty() ? null : taints))
        .status(new V1NodeStatus().capacity(capacity).allocatable(new LinkedHashMap<>(capacity)));
  }
}

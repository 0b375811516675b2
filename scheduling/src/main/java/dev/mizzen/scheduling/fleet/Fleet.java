package dev.mizzen.scheduling.fleet;

import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A set of {@link Node}s, for tests and simulated clusters.
 *
 * <pre>{@code
 * Fleet two = Fleet.of(Node.named("a").zone("zone-a"), Node.named("b").zone("zone-b"));
 * Fleet grid = Fleet.grid(List.of("zone-a", "zone-b", "zone-c"), List.of("general"), 2,
 *     (node, zone, pool) -> node.capacity("cpu", "4").capacity("memory", "16Gi").capacity("pods", "110"));
 * Fleet more = Fleet.node(Node.named("gpu-1").zone("zone-a").pool("gpu").capacity("nvidia.com/gpu", "1"))
 *     .grid(List.of("zone-a", "zone-b"), List.of("general"), 1, (node, zone, pool) -> node.capacity("cpu", "4"))
 *     .build();                                         // gpu-1, general-zone-a-1, general-zone-b-1
 * }</pre>
 */
@Value.Immutable
public abstract class Fleet {
  private static final Fleet NONE = new Builder().build();

  /** The fleet of {@code nodes}, in order. */
  public static Fleet of(Node... nodes) {
    return new Builder().nodes(nodes).build();
  }

  /** The fleet of the nodes {@code nodes} build, in order. */
  public static Fleet of(Node.Builder... nodes) {
    Builder fleet = new Builder();
    for (Node.Builder node : nodes) {
      fleet.node(node);
    }
    return fleet.build();
  }

  /** The fleet of {@code nodes}, in order. */
  public static Fleet of(Iterable<? extends Node> nodes) {
    return new Builder().nodes(nodes).build();
  }

  /** The fleet without nodes: a cluster of its control plane only, which nodes may join later. */
  public static Fleet none() {
    return NONE;
  }

  /** Starts a fleet with {@code node}; more nodes and grids may follow. */
  public static Builder node(Node node) {
    return new Builder().node(node);
  }

  /** Starts a fleet with the node {@code node} builds; more nodes and grids may follow. */
  public static Builder node(Node.Builder node) {
    return new Builder().node(node);
  }

  /**
   * A fleet of {@code nodesPerCell} nodes in every (zone, pool) cell; see
   * {@link Builder#grid(List, List, int, CellTemplate)}.
   */
  public static Fleet grid(List<String> zones, List<String> pools, int nodesPerCell, CellTemplate template) {
    return new Builder().grid(zones, pools, nodesPerCell, template).build();
  }

  /** The nodes, in the order added; names are unique. */
  public abstract List<Node> nodes();

  /** The node named {@code name}, if any. */
  public final Optional<Node> node(String name) {
    return nodes().stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /** The nodes whose (effective) label {@code key} has {@code value}, in order. */
  public final List<Node> nodesLabelled(String key, String value) {
    return nodes().stream().filter(n -> value.equals(n.effectiveLabels().get(key))).toList();
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of("fleet");
    Set<String> names = new HashSet<>();
    for (Node node : nodes()) {
      v.field("nodes").key(node.name()).check(names.add(node.name()),
          "duplicate node name '%s': node names must be unique", node.name());
    }
    v.throwIfInvalid();
  }

  /** Every node rendered, in order; see {@link Node#toV1Node()}. */
  public List<V1Node> toV1Nodes() {
    List<V1Node> rendered = new ArrayList<>();
    nodes().forEach(n -> rendered.add(n.toV1Node()));
    return rendered;
  }

  /** Shapes one node of a {@link Builder#grid grid}, given its zone and pool. */
  @FunctionalInterface
  public interface CellTemplate {
    /**
     * Adds to {@code node} (already named and labelled with its zone and pool) what every node
     * of the cell has, such as capacity and taints.
     */
    void shape(Node.Builder node, String zone, String pool);
  }

  /** Builds a {@link Fleet}, started by {@link Fleet#node(Node)}; {@code build()} throws if two nodes share a name. */
  public static final class Builder extends ImmutableFleet.Builder {
    Builder() {}

    /** Adds {@code node}. */
    public Builder node(Node.Builder node) {
      return node(node.build());
    }

    /**
     * Adds {@code nodesPerCell} nodes for every zone and pool, pools outermost: named
     * {@code <pool>-<zone>-<n>} ({@code n} from 1), labelled {@code topology.kubernetes.io/zone}
     * and {@value Node#POOL_LABEL}, then shaped by {@code template}.
     *
     * @throws IllegalArgumentException if {@code nodesPerCell} is negative
     */
    public Builder grid(List<String> zones, List<String> pools, int nodesPerCell, CellTemplate template) {
      if (nodesPerCell < 0) {
        throw new IllegalArgumentException("nodesPerCell must be >= 0, was " + nodesPerCell);
      }
      for (String pool : pools) {
        for (String zone : zones) {
          for (int n = 1; n <= nodesPerCell; n++) {
            Node.Builder node = Node.named(pool + "-" + zone + "-" + n).zone(zone).pool(pool);
            template.shape(node, zone, pool);
            node(node.build());
          }
        }
      }
      return this;
    }
  }
}

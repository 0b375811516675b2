package dev.mizzen.scheduling.fleet;

import dev.mizzen.scheduling.Taint;
import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.Topology;
import dev.mizzen.scheduling.internal.PlacementChecks;
import dev.mizzen.validation.ObjectRef;
import dev.mizzen.validation.internal.Annotations;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeSpec;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Taint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A Kubernetes node as a scheduler sees it: name, labels, taints and resources. For tests and
 * simulated clusters (for example kwok nodes); Mizzen never manages real nodes.
 *
 * <pre>{@code
 * Node node = Node.named("general-zone-a-1")
 *     .zone("zone-a")
 *     .pool("general")
 *     .capacity("cpu", "4")
 *     .capacity("memory", "16Gi")
 *     .capacity("pods", "110")
 *     .taint("dedicated", "web", TaintEffect.NO_SCHEDULE)
 *     .build();                      // throws every problem at once, as Node/general-zone-a-1
 * }</pre>
 */
@Value.Immutable
public abstract class Node {
  /** The label that names a node's pool in Mizzen's fleets and examples. */
  public static final String POOL_LABEL = "node-pool";

  /** Starts a node named {@code name} (a DNS-1123 subdomain). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** The node's name ({@code metadata.name}). */
  public abstract String name();

  /**
   * The node's labels. {@code kubernetes.io/hostname} is rendered as the name unless given here
   * (see {@link #effectiveLabels()}).
   */
  public abstract Map<String, String> labels();

  /** Annotations, rendered as given (for example {@code kwok.x-k8s.io/node: fake}). */
  public abstract Map<String, String> annotations();

  /** Taints that repel pods without a matching toleration; unique by (key, effect). */
  public abstract List<Taint> taints();

  /**
   * Resources the node has, by resource name ({@code cpu}, {@code memory}, {@code pods},
   * {@code nvidia.com/gpu}), as Kubernetes quantities ({@code 4}, {@code 500m}, {@code 16Gi}).
   */
  public abstract Map<String, String> capacity();

  /**
   * Resources available to pods, as {@link #capacity()}. Empty (the default) means the same as
   * the capacity.
   */
  public abstract Map<String, String> allocatable();

  /** Whether the node is cordoned: no new pods are scheduled onto it. Defaults to {@code false}. */
  @Value.Default
  public boolean unschedulable() {
    return false;
  }

  /** {@code Node/<name>}, as validation messages name the node. */
  public final ObjectRef objectRef() {
    return ObjectRef.of("Node", name());
  }

  /** The labels rendered: {@link #labels()}, plus {@code kubernetes.io/hostname=<name>} unless given. */
  public final Map<String, String> effectiveLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    if (!labels().containsKey(Topology.HOSTNAME)) {
      labels.put(Topology.HOSTNAME, name());
    }
    labels.putAll(labels());
    return labels;
  }

  /** The allocatable resources rendered: {@link #allocatable()}, or the capacity when empty. */
  public final Map<String, String> effectiveAllocatable() {
    return allocatable().isEmpty() ? capacity() : allocatable();
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of(objectRef());
    Validation metadata = v.field("metadata");
    Names.checkDns1123Subdomain(metadata.field("name"), name());
    labels().forEach((key, value) -> {
      Validation entry = metadata.field("labels").key(key);
      Names.checkQualifiedName(entry, key);
      Names.checkLabelValue(entry, value);
    });
    Annotations.validate(metadata.field("annotations"), annotations());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < taints().size(); i++) {
      Taint taint = taints().get(i);
      Validation at = v.field("spec.taints").index(i);
      PlacementChecks.validate(at, taint);
      at.check(seen.add(taint.key() + ":" + taint.effect()),
          "duplicate taint %s: taints must be unique by key and effect", taint);
    }
    Validation status = v.field("status");
    NodeResources.validate(status.field("capacity"), capacity());
    NodeResources.validate(status.field("allocatable"), allocatable());
    v.throwIfInvalid();
  }

  /**
   * The client-java node: metadata (name, labels, annotations), spec (taints, unschedulable) and
   * status (capacity, allocatable). Fields with nothing to say are left {@code null}.
   */
  public V1Node toV1Node() {
    V1ObjectMeta metadata = new V1ObjectMeta()
        .name(name())
        .labels(effectiveLabels())
        .annotations(annotations().isEmpty() ? null : new LinkedHashMap<>(annotations()))
        .finalizers(null)
        .managedFields(null)
        .ownerReferences(null);
    V1Node node = new V1Node().apiVersion("v1").kind("Node").metadata(metadata);
    if (!taints().isEmpty() || unschedulable()) {
      List<V1Taint> taints = new ArrayList<>();
      taints().forEach(t -> taints.add(t.toV1Taint()));
      node.setSpec(new V1NodeSpec()
          .taints(taints.isEmpty() ? null : taints)
          .unschedulable(unschedulable() ? Boolean.TRUE : null)
          .podCIDRs(null));
    }
    if (!capacity().isEmpty() || !allocatable().isEmpty()) {
      node.setStatus(new V1NodeStatus()
          .capacity(capacity().isEmpty() ? null : NodeResources.toQuantities(capacity()))
          .allocatable(NodeResources.toQuantities(effectiveAllocatable()))
          .addresses(null)
          .conditions(null)
          .images(null)
          .runtimeHandlers(null)
          .volumesAttached(null)
          .volumesInUse(null));
    }
    return node;
  }

  /** Builds a {@link Node}; {@code build()} throws every problem at once. */
  public static final class Builder extends ImmutableNode.Builder {
    Builder() {}

    /** Labels the node's zone ({@code topology.kubernetes.io/zone}). */
    public Builder zone(String zone) {
      return label(Topology.ZONE, zone);
    }

    /** Labels the node's pool ({@value Node#POOL_LABEL}). */
    public Builder pool(String pool) {
      return label(POOL_LABEL, pool);
    }

    /** Adds the taint {@code key=value:effect}. */
    public Builder taint(String key, String value, TaintEffect effect) {
      return taint(Taint.of(key, value, effect));
    }

  }
}

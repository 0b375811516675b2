package dev.mizzen.scheduling.explain;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.mizzen.scheduling.fleet.Fleet;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1Node;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the scheduler knows when it places a pod: the nodes, the pods already bound to them, and
 * the labels of namespaces (for {@code namespaceSelector}s). Immutable; the {@code with...}
 * methods return changed copies.
 *
 * <pre>{@code
 * ClusterState state = ClusterState.of(fleet)
 *     .withPods(PlacedPod.of("shop", "db-0", Map.of("app", "db"), "general-zone-a-1", dbSpec))
 *     .withNamespace("shop", Map.of("team", "checkout"));
 * }</pre>
 *
 * <p>Every namespace carries {@code kubernetes.io/metadata.name=<name>}, as the API server sets it.
 */
public final class ClusterState {
  /** The label the API server puts on every namespace, with the namespace's name. */
  public static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  private final List<V1Node> nodes;
  private final List<PlacedPod> pods;
  private final Map<String, Map<String, String>> namespaceLabels;
  private final List<WorkloadSelector> workloadSelectors;

  /** The selector of a Service, ReplicaSet, ReplicationController or StatefulSet in a namespace. */
  record WorkloadSelector(String namespace, V1LabelSelector selector) {}

  private ClusterState(List<V1Node> nodes, List<PlacedPod> pods, Map<String, Map<String, String>> namespaceLabels,
      List<WorkloadSelector> workloadSelectors) {
    this.nodes = ImmutableList.copyOf(nodes);
    this.pods = ImmutableList.copyOf(pods);
    this.namespaceLabels = ImmutableMap.copyOf(namespaceLabels);
    this.workloadSelectors = ImmutableList.copyOf(workloadSelectors);
  }

  /** The nodes of {@code fleet}, rendered, with no pods. */
  public static ClusterState of(Fleet fleet) {
    return ofNodes(fleet.toV1Nodes());
  }

  /** The client-java nodes {@code nodes} (for example from {@code kubectl get nodes -o yaml}), with no pods. */
  public static ClusterState ofNodes(Collection<V1Node> nodes) {
    for (V1Node node : nodes) {
      if (node.getMetadata() == null || node.getMetadata().getName() == null) {
        throw new IllegalArgumentException("every node needs metadata.name: " + node);
      }
    }
    return new ClusterState(List.copyOf(nodes), List.of(), Map.of(), List.of());
  }

  /** This state with {@code more} pods bound. */
  public ClusterState withPods(PlacedPod... more) {
    return withPods(List.of(more));
  }

  /** This state with {@code more} pods bound. */
  public ClusterState withPods(Collection<PlacedPod> more) {
    return new ClusterState(nodes, ImmutableList.<PlacedPod>builder().addAll(pods).addAll(more).build(), namespaceLabels,
        workloadSelectors);
  }

  /** This state with namespace {@code name} labelled {@code labels} (replacing earlier labels). */
  public ClusterState withNamespace(String name, Map<String, String> labels) {
    Map<String, Map<String, String>> changed = new LinkedHashMap<>(namespaceLabels);
    changed.put(requireNonNull(name, "name"), ImmutableMap.copyOf(labels));
    return new ClusterState(nodes, pods, changed, workloadSelectors);
  }

  /**
   * This state with a Service, ReplicaSet, ReplicationController or StatefulSet in
   * {@code namespace} whose selector is {@code selector}. kube-scheduler gives a pod without
   * topology spread constraints of its own the system default ones (ScheduleAnyway, maxSkew 3
   * over hostnames and 5 over zones) over the pods that all such selectors matching it select.
   */
  public ClusterState withWorkloadSelector(String namespace, V1LabelSelector selector) {
    List<WorkloadSelector> changed = new java.util.ArrayList<>(workloadSelectors);
    changed.add(new WorkloadSelector(requireNonNull(namespace, "namespace"), requireNonNull(selector, "selector")));
    return new ClusterState(nodes, pods, namespaceLabels, changed);
  }

  /** As {@link #withWorkloadSelector(String, V1LabelSelector)}, for a map selector (a Service's). */
  public ClusterState withWorkloadSelector(String namespace, Map<String, String> selector) {
    return withWorkloadSelector(namespace, new V1LabelSelector().matchLabels(Map.copyOf(selector)));
  }

  /** The workload selectors given, in order. */
  List<WorkloadSelector> workloadSelectors() {
    return workloadSelectors;
  }

  /** The nodes, in order. */
  public List<V1Node> nodes() {
    return nodes;
  }

  /** The node named {@code name}, if any. */
  public java.util.Optional<V1Node> node(String name) {
    return nodes.stream().filter(n -> n.getMetadata().getName().equals(name)).findFirst();
  }

  /** The labels of node {@code name}; empty if there is no such node or it has none. */
  public Map<String, String> nodeLabels(String name) {
    return node(name).map(n -> n.getMetadata().getLabels()).map(Map::copyOf).orElse(Map.of());
  }

  /** The pods bound to nodes, in order. */
  public List<PlacedPod> pods() {
    return pods;
  }

  /**
   * The labels of namespace {@code name}: those given with {@link #withNamespace}, plus
   * {@value #NAMESPACE_NAME_LABEL}.
   */
  public Map<String, String> namespaceLabels(String name) {
    Map<String, String> labels = new LinkedHashMap<>(namespaceLabels.getOrDefault(name, Map.of()));
    labels.put(NAMESPACE_NAME_LABEL, name);
    return labels;
  }
}

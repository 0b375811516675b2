package dev.mizzen.scheduling.explain;

import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Taint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node as the scheduler's snapshot holds it: labels, taints, allocatable, its pods and their totals. */
final class NodeInfo {
  final String name;
  final Map<String, String> labels;
  final List<V1Taint> taints;
  final boolean unschedulable;
  final Map<String, Long> allocatable;
  final List<PodInfo> pods = new ArrayList<>();
  final Map<String, Long> requested = new LinkedHashMap<>();
  final Map<String, Long> nonZeroRequested = new LinkedHashMap<>();
  final List<PodInfo.HostPort> usedPorts = new ArrayList<>();

  NodeInfo(V1Node node) {
    this.name = node.getMetadata().getName();
    this.labels = node.getMetadata().getLabels() == null ? Map.of() : Map.copyOf(node.getMetadata().getLabels());
    this.taints = node.getSpec() == null || node.getSpec().getTaints() == null ? List.of() : List.copyOf(node.getSpec().getTaints());
    this.unschedulable = node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    this.allocatable = node.getStatus() == null ? Map.of()
        : PodResources.toAmounts(PodResources.numbers(node.getStatus().getAllocatable()));
  }

  void add(PodInfo pod) {
    pods.add(pod);
    pod.requests.forEach((resource, amount) -> requested.merge(resource, amount, Long::sum));
    pod.nonZeroRequests.forEach((resource, amount) -> {
      if (resource.equals(PodResources.CPU) || resource.equals(PodResources.MEMORY)) {
        nonZeroRequested.merge(resource, amount, Long::sum);
      }
    });
    usedPorts.addAll(pod.hostPorts);
  }

  long allocatable(String resource) {
    return allocatable.getOrDefault(resource, 0L);
  }

  long requested(String resource) {
    return requested.getOrDefault(resource, 0L);
  }

  long nonZeroRequested(String resource) {
    return nonZeroRequested.getOrDefault(resource, 0L);
  }

  /** The number of pods the node takes ({@code pods} allocatable). */
  long allowedPods() {
    return allocatable(PodResources.PODS);
  }
}

package dev.mizzen.scheduling.explain;

import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.fleet.Node;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NodeAffinity;
import io.kubernetes.client.openapi.models.V1NodeSelector;
import io.kubernetes.client.openapi.models.V1NodeSelectorRequirement;
import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import io.kubernetes.client.openapi.models.V1PodAffinity;
import io.kubernetes.client.openapi.models.V1PodAffinityTerm;
import io.kubernetes.client.openapi.models.V1PodAntiAffinity;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders of client-java pod specs and nodes for the explainer's tests. */
final class Specs {
  private Specs() {}

  static V1Container container(String name, Map<String, String> requests) {
    Map<String, Quantity> quantities = new LinkedHashMap<>();
    requests.forEach((k, v) -> quantities.put(k, Quantity.fromString(v)));
    return new V1Container().name(name).image("img").resources(new V1ResourceRequirements().requests(quantities));
  }

  static V1PodSpec requesting(String cpu, String memory) {
    Map<String, String> requests = new LinkedHashMap<>();
    if (cpu != null) {
      requests.put("cpu", cpu);
    }
    if (memory != null) {
      requests.put("memory", memory);
    }
    return new V1PodSpec().addContainersItem(container("main", requests));
  }

  static V1PodSpec plain() {
    return new V1PodSpec().addContainersItem(new V1Container().name("main").image("img"));
  }

  static PendingPod pending(V1PodSpec spec, Map<String, String> labels) {
    return PendingPod.of("default", "incoming", labels, spec);
  }

  static PendingPod pending(V1PodSpec spec) {
    return pending(spec, Map.of());
  }

  static PlacedPod placed(String name, String node, Map<String, String> labels, V1PodSpec spec) {
    return PlacedPod.of("default", name, labels, node, spec);
  }

  static PlacedPod placed(String name, String node, Map<String, String> labels) {
    return placed(name, node, labels, plain());
  }

  static Node.Builder node(String name, String zone) {
    return node(name, zone, "4", "16Gi", "110");
  }

  static Node.Builder node(String name, String zone, String cpu, String memory, String pods) {
    return Node.named(name).zone(zone).capacity("cpu", cpu).capacity("memory", memory).capacity("pods", pods);
  }

  static V1Toleration tolerate(String key, String value, TaintEffect effect) {
    return new V1Toleration().key(key).operator("Equal").value(value).effect(effect == null ? null : effect.apiValue());
  }

  static V1NodeSelectorRequirement requirement(String key, String operator, String... values) {
    return new V1NodeSelectorRequirement().key(key).operator(operator).values(values.length == 0 ? null : List.of(values));
  }

  static V1Affinity requiredNodeTerms(V1NodeSelectorTerm... terms) {
    return new V1Affinity().nodeAffinity(new V1NodeAffinity()
        .requiredDuringSchedulingIgnoredDuringExecution(new V1NodeSelector().nodeSelectorTerms(List.of(terms))));
  }

  static V1PodAffinityTerm podTerm(String topologyKey, Map<String, String> matchLabels) {
    return new V1PodAffinityTerm().topologyKey(topologyKey).labelSelector(new V1LabelSelector().matchLabels(matchLabels));
  }

  static V1Affinity requiredPodAffinity(V1PodAffinityTerm... terms) {
    return new V1Affinity().podAffinity(new V1PodAffinity().requiredDuringSchedulingIgnoredDuringExecution(List.of(terms)));
  }

  static V1Affinity requiredPodAntiAffinity(V1PodAffinityTerm... terms) {
    return new V1Affinity().podAntiAffinity(new V1PodAntiAffinity().requiredDuringSchedulingIgnoredDuringExecution(List.of(terms)));
  }

  static V1TopologySpreadConstraint spread(String key, int maxSkew, String when, Map<String, String> matchLabels) {
    return new V1TopologySpreadConstraint().topologyKey(key).maxSkew(maxSkew).whenUnsatisfiable(when)
        .labelSelector(new V1LabelSelector().matchLabels(matchLabels));
  }
}

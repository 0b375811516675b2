package dev.mizzen.scheduling.explain;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import dev.mizzen.validation.ObjectRef;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.Map;

/**
 * A pod already bound to a node. Its spec gives its requests, host ports and (anti-)affinity,
 * which the scheduler weighs when it places further pods.
 *
 * @param namespace the pod's namespace
 * @param name the pod's name
 * @param labels the pod's labels
 * @param node the name of the node the pod runs on
 * @param spec the pod's spec
 */
public record PlacedPod(String namespace, String name, Map<String, String> labels, String node, V1PodSpec spec) {

  public PlacedPod {
    requireNonNull(namespace, "namespace");
    requireNonNull(name, "name");
    labels = ImmutableMap.copyOf(requireNonNull(labels, "labels"));
    requireNonNull(node, "node");
    requireNonNull(spec, "spec");
  }

  /** The pod {@code namespace/name} with {@code labels} and {@code spec}, running on {@code node}. */
  public static PlacedPod of(String namespace, String name, Map<String, String> labels, String node, V1PodSpec spec) {
    return new PlacedPod(namespace, name, labels, node, spec);
  }

  /**
   * A client-java pod bound to a node ({@code spec.nodeName}).
   *
   * @throws IllegalArgumentException if the pod is not bound
   */
  public static PlacedPod fromV1Pod(V1Pod pod) {
    V1ObjectMeta metadata = requireNonNull(pod.getMetadata(), "pod.metadata");
    V1PodSpec spec = requireNonNull(pod.getSpec(), "pod.spec");
    if (spec.getNodeName() == null || spec.getNodeName().isEmpty()) {
      throw new IllegalArgumentException(ObjectRef.of(pod) + " is not bound to a node: spec.nodeName is empty");
    }
    return new PlacedPod(metadata.getNamespace() == null ? "default" : metadata.getNamespace(),
        ObjectRef.of(pod).name(), metadata.getLabels() == null ? Map.of() : metadata.getLabels(),
        spec.getNodeName(), spec);
  }

  /** {@code Pod/namespace/name}, as messages name the pod. */
  public ObjectRef objectRef() {
    return ObjectRef.of("Pod", namespace, name);
  }
}

package dev.mizzen.scheduling.explain;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import dev.mizzen.validation.ObjectRef;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.Map;

/**
 * A pod waiting for a node: what the scheduler reads of it. The spec is read, never changed.
 *
 * <pre>{@code
 * PendingPod pod = PendingPod.of("shop", "web-1", Map.of("app", "web"), podSpec);
 * }</pre>
 *
 * @param namespace the pod's namespace (it scopes inter-pod affinity and topology spread)
 * @param name the pod's name, for messages
 * @param labels the pod's labels
 * @param spec the pod's spec, as written or as the API server returns it
 */
public record PendingPod(String namespace, String name, Map<String, String> labels, V1PodSpec spec) {

  public PendingPod {
    requireNonNull(namespace, "namespace");
    requireNonNull(name, "name");
    labels = ImmutableMap.copyOf(requireNonNull(labels, "labels"));
    requireNonNull(spec, "spec");
  }

  /** The pod {@code namespace/name} with {@code labels} and {@code spec}. */
  public static PendingPod of(String namespace, String name, Map<String, String> labels, V1PodSpec spec) {
    return new PendingPod(namespace, name, labels, spec);
  }

  /**
   * A pod of a workload's template ({@code spec.template} of a Deployment, or a rendered DSL pod
   * template), named {@code name}, in {@code namespace}.
   */
  public static PendingPod fromTemplate(String namespace, String name, V1PodTemplateSpec template) {
    requireNonNull(template, "template");
    V1ObjectMeta metadata = template.getMetadata();
    Map<String, String> labels = metadata == null || metadata.getLabels() == null ? Map.of() : metadata.getLabels();
    return new PendingPod(namespace, name, labels, requireNonNull(template.getSpec(), "template.spec"));
  }

  /** A client-java pod; its namespace defaults to {@code default}. */
  public static PendingPod fromV1Pod(V1Pod pod) {
    V1ObjectMeta metadata = requireNonNull(pod.getMetadata(), "pod.metadata");
    return new PendingPod(metadata.getNamespace() == null ? "default" : metadata.getNamespace(),
        ObjectRef.of(pod).name(), metadata.getLabels() == null ? Map.of() : metadata.getLabels(),
        requireNonNull(pod.getSpec(), "pod.spec"));
  }

  /** The same pod under another name (a further replica of a workload). */
  public PendingPod named(String otherName) {
    return new PendingPod(namespace, otherName, labels, spec);
  }

  /** {@code Pod/namespace/name}, as messages name the pod. */
  public ObjectRef objectRef() {
    return ObjectRef.of("Pod", namespace, name);
  }

  /** The pod bound to {@code node}: what it is once placed. */
  public PlacedPod placedOn(String node) {
    return PlacedPod.of(namespace, name, labels, node, spec);
  }
}

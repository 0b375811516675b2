package dev.mizzen.dsl.network;

import dev.mizzen.dsl.meta.ObjectMetadata;
import dev.mizzen.dsl.meta.RecommendedLabels;
import dev.mizzen.dsl.meta.RenderContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which pods an object applies to: the pods of a component (the usual case: the labels come
 * from {@link RecommendedLabels#selector(String, RenderContext)}, so they match the workload's
 * pod template), explicit labels, or both. Used by Services, NetworkPolicies and
 * PodDisruptionBudgets.
 *
 * <pre>{@code
 * PodSelector.component("web");                      // app.kubernetes.io/name=web (+ part-of)
 * PodSelector.component("web").withLabel("track", "canary");
 * PodSelector.labels(Map.of("app", "legacy"));
 * }</pre>
 */
@Value.Immutable
public abstract class PodSelector {

  /** The pods of {@code component}. */
  public static PodSelector component(String component) {
    return ImmutablePodSelector.builder().component(component).build();
  }

  /** The pods of the component {@code object} belongs to ({@link ObjectMetadata#componentName()}). */
  public static PodSelector component(ObjectMetadata object) {
    return component(object.componentName());
  }

  /** The pods carrying every label of {@code labels}. */
  public static PodSelector labels(Map<String, String> labels) {
    return ImmutablePodSelector.builder().matchLabels(labels).build();
  }

  /** The pods labelled {@code key=value}. */
  public static PodSelector label(String key, String value) {
    return ImmutablePodSelector.builder().matchLabel(key, value).build();
  }

  /** Every pod in the namespace (an empty selector). Not allowed for a Service. */
  public static PodSelector all() {
    return ImmutablePodSelector.builder().build();
  }

  /** The component whose pods are selected, if selecting by component. */
  public abstract Optional<String> component();

  /** Labels the pods must carry, in addition to the component's. */
  public abstract Map<String, String> matchLabels();

  /** This selector narrowed to pods also labelled {@code key=value}. */
  public final PodSelector withLabel(String key, String value) {
    Map<String, String> labels = new LinkedHashMap<>(matchLabels());
    labels.put(key, value);
    return ImmutablePodSelector.builder().component(component()).matchLabels(labels).build();
  }

  /** Whether this selects every pod (no component, no labels). */
  public final boolean selectsAll() {
    return component().isEmpty() && matchLabels().isEmpty();
  }
}

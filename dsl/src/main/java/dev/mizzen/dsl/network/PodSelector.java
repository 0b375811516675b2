package dev.mizzen.dsl.network;

import dev.mizzen.dsl.meta.Metadata;
import dev.mizzen.dsl.meta.ObjectMetadata;
import dev.mizzen.dsl.meta.RecommendedLabels;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1LabelSelector;
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
    return ImmutablePodSelector.builder().putAllMatchLabels(labels).build();
  }

  /** The pods labelled {@code key=value}. */
  public static PodSelector label(String key, String value) {
    return ImmutablePodSelector.builder().putMatchLabel(key, value).build();
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
    return ImmutablePodSelector.builder().component(component()).putAllMatchLabels(labels).build();
  }

  /** Whether this selects every pod (no component, no labels). */
  public final boolean selectsAll() {
    return component().isEmpty() && matchLabels().isEmpty();
  }

  /** The labels to match: the component's selector labels in {@code context}, then {@link #matchLabels()}. */
  public final Map<String, String> render(RenderContext context) {
    Map<String, String> labels = new LinkedHashMap<>();
    component().ifPresent(c -> labels.putAll(RecommendedLabels.selector(c, context)));
    labels.putAll(matchLabels());
    return labels;
  }

  /** As a {@code LabelSelector} with {@code matchLabels} (an empty selector {@code {}} selects all pods). */
  public final V1LabelSelector toV1LabelSelector(RenderContext context) {
    V1LabelSelector selector = new V1LabelSelector();
    Map<String, String> labels = render(context);
    if (!labels.isEmpty()) {
      selector.setMatchLabels(labels);
    }
    return selector;
  }

  /**
   * Checks the component is a valid label value and each label key and value, reporting at
   * {@code labels} (the path of the rendered label map, e.g. {@code spec.selector} or
   * {@code spec.podSelector.matchLabels}).
   */
  public final void validate(Validation labels) {
    component().ifPresent(c -> {
      Validation entry = labels.key(RecommendedLabels.NAME);
      if (entry.check(!c.isEmpty(), "component must not be empty")) {
        Names.checkLabelValue(entry, c);
      }
      entry.check(!matchLabels().containsKey(RecommendedLabels.NAME),
          "set by component '%s' and again as a label; use one of them", c);
    });
    Metadata.validateLabels(labels, matchLabels());
  }
}

package dev.mizzen.dsl.internal;

import dev.mizzen.dsl.meta.RecommendedLabels;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.network.PodSelector;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks and renders {@link PodSelector}s for the Services, NetworkPolicies and
 * PodDisruptionBudgets that hold them: the labels of a component depend on the
 * {@link RenderContext} (the App's {@code part-of}), so the holder renders them in its own.
 */
public final class PodSelectors {
  private PodSelectors() {}

  /** The labels to match: the component's selector labels in {@code context}, then {@link PodSelector#matchLabels()}. */
  public static Map<String, String> render(PodSelector selector, RenderContext context) {
    Map<String, String> labels = new LinkedHashMap<>();
    selector.component().ifPresent(c -> labels.putAll(RecommendedLabels.selector(c, context)));
    labels.putAll(selector.matchLabels());
    return labels;
  }

  /** As a {@code LabelSelector} with {@code matchLabels} (an empty selector {@code {}} selects all pods). */
  public static V1LabelSelector toV1LabelSelector(PodSelector selector, RenderContext context) {
    V1LabelSelector rendered = new V1LabelSelector();
    Map<String, String> labels = render(selector, context);
    if (!labels.isEmpty()) {
      rendered.setMatchLabels(labels);
    }
    return rendered;
  }

  /**
   * Checks the component is a valid label value and each label key and value, reporting at
   * {@code labels} (the path of the rendered label map, e.g. {@code spec.selector} or
   * {@code spec.podSelector.matchLabels}).
   */
  public static void validate(Validation labels, PodSelector selector) {
    selector.component().ifPresent(c -> {
      Validation entry = labels.key(RecommendedLabels.NAME);
      if (entry.check(!c.isEmpty(), "component must not be empty")) {
        Names.checkLabelValue(entry, c);
      }
      entry.check(!selector.matchLabels().containsKey(RecommendedLabels.NAME),
          "set by component '%s' and again as a label; use one of them", c);
    });
    Metadata.validateLabels(labels, selector.matchLabels());
  }
}

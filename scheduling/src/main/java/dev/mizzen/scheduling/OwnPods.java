package dev.mizzen.scheduling;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Renders a label selector that, when absent, means "the pod's own pods" (its selector labels). */
final class OwnPods {
  private OwnPods() {}

  /** {@code selector} if present, otherwise {@code matchLabels} of the pod's own selector labels. */
  static V1LabelSelector selector(Optional<LabelSelector> selector, Map<String, String> ownPodLabels) {
    if (selector.isPresent()) {
      return selector.get().toV1LabelSelector();
    }
    if (ownPodLabels.isEmpty()) {
      throw new IllegalArgumentException("ownPodLabels must not be empty: a term about the pod's own pods"
          + " needs the pod's selector labels, and an empty selector would select every pod");
    }
    return new V1LabelSelector().matchLabels(new LinkedHashMap<>(ownPodLabels)).matchExpressions(null);
  }
}

package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;

/** {@code hpa-range}: a HorizontalPodAutoscaler sets {@code maxReplicas}, and {@code minReplicas <= maxReplicas}. */
final class HpaRange extends Rule {

  HpaRange() {
    super("hpa-range", Severity.ERROR,
        "The API server rejects a HorizontalPodAutoscaler without maxReplicas or with minReplicas above it.",
        "Set spec.maxReplicas, at least spec.minReplicas (which defaults to 1).");
  }

  @Override
  public void check(RuleContext context) {
    Autoscaler hpa = Autoscaler.of(context.object());
    if (hpa == null) {
      return;
    }
    if (hpa.maxReplicas == null) {
      context.report("spec.maxReplicas", "must be set, was unset");
    } else if (hpa.min() > hpa.maxReplicas) {
      context.report("spec.minReplicas", "must be <= maxReplicas " + hpa.maxReplicas + ", was " + hpa.min());
    }
  }
}

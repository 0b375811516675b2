package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;

/** {@code hpa-replicas}: a HorizontalPodAutoscaler keeps at least 2 replicas and can scale ({@code maxReplicas > minReplicas}). */
final class HpaReplicas extends Rule {

  HpaReplicas() {
    super("hpa-replicas", Severity.WARNING,
        "An autoscaler that may go down to 1 replica brings back the single point of failure; one with min = max never scales.",
        "Set spec.minReplicas to 2 or more and spec.maxReplicas above it.");
  }

  @Override
  public void check(RuleContext context) {
    Autoscaler hpa = Autoscaler.of(context.object());
    if (hpa == null || hpa.maxReplicas == null || hpa.min() > hpa.maxReplicas) {
      return;
    }
    if (hpa.min() < 2) {
      context.report("spec.minReplicas", "should be at least 2, was " + (hpa.minReplicas == null ? "unset (1)" : hpa.minReplicas));
    }
    if (hpa.min() == hpa.maxReplicas) {
      context.report("spec.maxReplicas", "should be above minReplicas, was equal (" + hpa.maxReplicas + "): the autoscaler never scales");
    }
  }
}
